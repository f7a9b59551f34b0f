package org.modelgov.inventory;

/**
 * One field of a partial update (JSON merge patch): left as it is, or set to a value, where
 * {@code null} clears an optional field.
 */
public record FieldUpdate<T>(boolean present, T value) {

    private static final FieldUpdate<?> KEEP = new FieldUpdate<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> keep() {
        return (FieldUpdate<T>) KEEP;
    }

    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(true, value);
    }

    public T applyTo(T current) {
        return present ? value : current;
    }
}
