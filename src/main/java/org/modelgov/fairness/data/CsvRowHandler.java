package org.modelgov.fairness.data;

/** Receives a CSV file one record at a time; the row object is reused, so copy what you keep. */
public interface CsvRowHandler {

    void header(CsvHeader header);

    void row(CsvRow row);
}
