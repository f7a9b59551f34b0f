package org.modelgov.common;

import java.util.function.BooleanSupplier;

/**
 * How a background job handles one of its items (a model package, a version, a task token): on its own, so that
 * one failing item never rolls back or stops the others.
 */
@FunctionalInterface
public interface EachItem {

    /**
     * Runs {@code work} for {@code item} in its own transaction.
     *
     * @return what {@code work} answered, or false when it failed (the failure is logged, not thrown)
     */
    boolean run(String item, BooleanSupplier work);
}
