package org.modelgov.fairness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modelgov.fairness.Csv;
import org.modelgov.fairness.MetricsInputException;

class CsvReaderTest {

    /** Collects every row as texts. */
    static final class Rows implements CsvRowHandler {
        CsvHeader header;
        final List<List<String>> rows = new ArrayList<>();
        final List<Long> numbers = new ArrayList<>();

        @Override
        public void header(CsvHeader header) {
            this.header = header;
        }

        @Override
        public void row(CsvRow row) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                fields.add(row.text(i));
            }
            rows.add(fields);
            numbers.add(row.rowNumber());
        }
    }

    static Rows read(String text) {
        Rows rows = new Rows();
        CsvReader.read(Csv.raw(text), rows);
        return rows;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        Rows rows = read("name,comment\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\nLee,\"two\nlines\"\r\n");
        assertThat(rows.header.names()).containsExactly("name", "comment");
        assertThat(rows.rows).containsExactly(List.of("Smith, J", "said \"hi\""), List.of("Lee", "two\nlines"));
    }

    @Test
    void acceptsMissingFinalLineBreakEmptyFieldsAndByteOrderMark() {
        Rows rows = read("\uFEFFa,b,c\n1,,3\n,,\n4,5,6");
        assertThat(rows.header.names()).containsExactly("a", "b", "c");
        assertThat(rows.rows).containsExactly(List.of("1", "", "3"), List.of("", "", ""), List.of("4", "5", "6"));
    }

    @Test
    void skipsBlankLinesButCountsThemInRowNumbers() {
        Rows rows = read("a,b\n1,2\n\n3,4\n\n");
        assertThat(rows.rows).hasSize(2);
        assertThat(rows.numbers).containsExactly(2L, 4L);
    }

    @Test
    void recordsCrossingTheReadBufferAreReassembled() {
        StringBuilder text = new StringBuilder("id,text\n");
        int rows = 60_000; // about 2.5 MB, more than the 1 MB buffer
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",\"value ").append(i).append(", quoted \"\"").append(i % 7).append("\"\"\"\n");
        }
        Rows read = read(text.toString());
        assertThat(read.rows).hasSize(rows);
        assertThat(read.rows.get(45_123)).containsExactly("45123", "value 45123, quoted \"" + (45_123 % 7) + "\"");
    }

    @Test
    void aFieldLongerThanTheInitialBufferIsReadWhenTheCapsAllowIt() {
        String big = "x".repeat(3 * 1024 * 1024);
        Rows read = new Rows();
        CsvReader.read(Csv.raw("a,b\n1," + big + "\n"), new CsvLimits(4 << 20, 4 << 20, 10, 1L << 30), read);
        assertThat(read.rows.get(0).get(1)).hasSize(big.length());
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> read("")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 1: the CSV file is empty; a header row is needed");
    }

    @Test
    void headerWithoutRowsIsRejected() {
        assertThatThrownBy(() -> read("a,b\n")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 2: the CSV file has a header but no data rows");
    }

    @Test
    void raggedRowNamesItsRow() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 3: 1 fields but the header has 2 columns");
    }

    @Test
    void unclosedQuoteIsRejected() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 2: a quoted field is never closed");
    }

    @Test
    void textAfterClosingQuoteIsRejected() {
        assertThatThrownBy(() -> read("a,b\n1,\"x\"y\n")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 2, field 2: text after the closing quote of a quoted field");
    }

    @Test
    void numbersAreReadFromTheBytes() {
        List<Double> values = new ArrayList<>();
        CsvReader.read(new ByteArrayInputStream("v\n1.5\n\"-2\"\nabc\n".getBytes(StandardCharsets.UTF_8)), new CsvRowHandler() {
            @Override
            public void header(CsvHeader header) {
            }

            @Override
            public void row(CsvRow row) {
                values.add(row.numberOrNaN(0));
            }
        });
        assertThat(values).containsExactly(1.5, -2.0, Double.NaN);
    }
}
