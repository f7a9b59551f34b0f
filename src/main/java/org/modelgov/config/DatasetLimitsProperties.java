package org.modelgov.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.modelgov.fairness.data.CsvLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Caps on every CSV data set ModelGov parses (report uploads, validation and drift data sets), so that
 * no input can exhaust the heap ({@code modelgov.datasets.limits.*}; environment e.g.
 * {@code MODELGOV_DATASETS_LIMITS_MAX_RECORD_SIZE=4MB}). Sizes take {@code KB}, {@code MB}, {@code GB}
 * (powers of 1024). Defaults: {@link CsvLimits#DEFAULTS}.
 *
 * @param maxRecordSize one record (line), without its line break
 * @param maxFieldSize  one field
 * @param maxColumns    fields per record
 * @param maxTotalSize  one file
 */
@Validated
@ConfigurationProperties("modelgov.datasets.limits")
public record DatasetLimitsProperties(
        @DefaultValue("1MB") DataSize maxRecordSize,
        @DefaultValue("64KB") DataSize maxFieldSize,
        @DefaultValue("2000") @Min(1) @Max(1_000_000) int maxColumns,
        @DefaultValue("512MB") DataSize maxTotalSize) {

    /** The caps for the reader; fails at start-up when a size is not positive or a record cap is over 1 GB. */
    public CsvLimits csvLimits() {
        return new CsvLimits(bytes(maxRecordSize, "max-record-size"), bytes(maxFieldSize, "max-field-size"),
                maxColumns, maxTotalSize.toBytes());
    }

    private static int bytes(DataSize size, String name) {
        if (size.toBytes() < 1 || size.toBytes() > DataSize.ofGigabytes(1).toBytes()) {
            throw new IllegalArgumentException("modelgov.datasets.limits." + name + " must be between 1B and 1GB");
        }
        return (int) size.toBytes();
    }
}
