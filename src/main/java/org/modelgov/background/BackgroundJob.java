package org.modelgov.background;

import java.time.Duration;
import java.util.Objects;

/**
 * Work that runs once per {@code period} across all nodes sharing the database, the first time no earlier than
 * {@code firstAfter} after a node starts. {@code work} handles each of its items on its own ({@code EachItem}).
 */
public record BackgroundJob(String name, Duration period, Duration firstAfter, Runnable work) {

    public BackgroundJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (period == null || period.toMillis() < 1) {
            throw new IllegalArgumentException(name + ": the period must be at least a millisecond, not " + period);
        }
        firstAfter = firstAfter == null || firstAfter.compareTo(period) > 0 ? period : firstAfter;
    }
}
