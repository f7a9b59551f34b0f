package org.modelgov.fairness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.modelgov.fairness.data.CsvLimitExceededException.Limit;

/** Each cap: exactly at it passes, one over fails naming the row (and column), never quoting the file. */
class CsvReaderLimitsTest {

    private static final String SECRET = "SECRET-7f3a";
    private static final int BIG = 1 << 20;

    static CsvReaderTest.Rows read(String text, CsvLimits limits) {
        CsvReaderTest.Rows rows = new CsvReaderTest.Rows();
        CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limits, rows);
        return rows;
    }

    static CsvLimitExceededException refused(String text, CsvLimits limits) {
        try {
            read(text, limits);
        } catch (CsvLimitExceededException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("SECRET");
            return e;
        }
        throw new AssertionError("no cap was exceeded");
    }

    static String padded(int bytes) {
        return (SECRET + "x".repeat(bytes)).substring(0, bytes);
    }

    @Test
    void aRecordExactlyAtTheCapPassesAndOneByteMoreFailsNamingTheRow() {
        CsvLimits limits = new CsvLimits(20, BIG, 100, BIG);
        String atCap = "id," + padded(17); // 20 bytes
        assertThat(read("id,comment\r\n1,2\r\n" + atCap + "\r\n", limits).rows).hasSize(2);
        assertThat(read("id,comment\n" + atCap, limits).rows).hasSize(1);

        CsvLimitExceededException e = refused("id,comment\n1,2\n\nid," + padded(18) + "\n", limits);
        assertThat(e.limit()).isEqualTo(Limit.RECORD_BYTES);
        assertThat(e.row()).as("blank lines count as rows").isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo("row 4: the record is longer than 20 bytes, the limit for one CSV record");
    }

    @Test
    void aLongRecordIsRefusedWithoutBufferingMoreThanTheCap() {
        int cap = 1000;
        String header = "a,b\n";
        byte[] line = (header + "1," + padded(50 * cap) + "\n2,3\n").getBytes(StandardCharsets.UTF_8);
        long[] read = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(line)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> CsvReader.read(counting, new CsvLimits(cap, BIG, 100, BIG), new CsvReaderTest.Rows()))
                .isInstanceOf(CsvLimitExceededException.class).hasMessageStartingWith("row 2: the record is longer")
                .hasMessageNotContaining(SECRET);
        // the reader fills its buffer before it parses: what it read is what it held
        assertThat(read[0]).isLessThanOrEqualTo(header.length() + cap + 2);
    }

    @Test
    void theHeaderIsCheckedToo() {
        CsvLimitExceededException e = refused(padded(30) + ",b\n1,2\n", new CsvLimits(20, BIG, 100, BIG));
        assertThat(e.row()).isEqualTo(1);
    }

    @Test
    void aFieldExactlyAtTheCapPassesAndOneByteMoreFailsNamingRowAndColumn() {
        CsvLimits limits = new CsvLimits(BIG, 11, 100, BIG);
        assertThat(read("id,comment\n1," + padded(11) + "\n2,\"" + padded(11) + "\"\n", limits).rows).hasSize(2);

        CsvLimitExceededException unquoted = refused("id,comment\n1,ok\n2," + padded(12) + "\n", limits);
        assertThat(unquoted.limit()).isEqualTo(Limit.FIELD_BYTES);
        assertThat(unquoted.row()).isEqualTo(3);
        assertThat(unquoted.column()).isEqualTo("comment");
        assertThat(unquoted.getMessage())
                .isEqualTo("row 3, column 'comment': the field is longer than 11 bytes, the limit for one CSV field");

        CsvLimitExceededException quoted = refused("id,comment\n1,\"" + padded(12) + "\"\n", limits);
        assertThat(quoted.row()).isEqualTo(2);
        assertThat(quoted.column()).isEqualTo("comment");
    }

    @Test
    void aLongHeaderNameIsRefusedWithoutNamingIt() {
        CsvLimitExceededException e = refused("id," + padded(12) + "\n1,2\n", new CsvLimits(BIG, 11, 100, BIG));
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.column()).isNull();
    }

    @Test
    void columnsExactlyAtTheCapPassAndOneMoreFails() {
        for (int cap : new int[] {3, 16, 20}) {
            CsvLimits limits = new CsvLimits(BIG, BIG, cap, BIG);
            String header = columns("c", cap);
            assertThat(read(header + "\n" + columns("1", cap) + "\n", limits).header.size()).isEqualTo(cap);

            CsvLimitExceededException inHeader = refused(columns("c", cap + 1) + "\n" + columns("1", cap + 1), limits);
            assertThat(inHeader.limit()).isEqualTo(Limit.COLUMNS);
            assertThat(inHeader.row()).isEqualTo(1);

            CsvLimitExceededException inData = refused(header + "\n" + columns("1", cap) + "\n"
                    + columns(SECRET, cap + 1) + "\n", limits);
            assertThat(inData.row()).isEqualTo(3);
            assertThat(inData.getMessage()).isEqualTo("row 3: the record has more than " + cap
                    + " fields, the limit for CSV columns");
        }
    }

    @Test
    void aRecordOfCommasIsRefusedAtTheColumnCap() {
        CsvLimitExceededException e = refused("a,b\n" + ",".repeat(100_000) + "\n", new CsvLimits(BIG, BIG, 2000, BIG));
        assertThat(e.limit()).isEqualTo(Limit.COLUMNS);
        assertThat(e.row()).isEqualTo(2);
    }

    @Test
    void inputExactlyAtTheTotalCapPassesAndOneByteMoreFails() {
        String text = "id,comment\n1,a\n2," + SECRET + "\n";
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        assertThat(read(text, new CsvLimits(BIG, BIG, 100, size)).rows).hasSize(2);

        CsvLimitExceededException e = refused(text, new CsvLimits(BIG, BIG, 100, size - 1));
        assertThat(e.limit()).isEqualTo(Limit.TOTAL_BYTES);
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("row 1: the data is larger than " + (size - 1)
                + " bytes, the limit for one CSV file; reading stopped at this row");
    }

    @Test
    void theTotalCapNamesTheRowWhereReadingStopped() {
        // small record cap = small buffer, so the cap is crossed in a later fill
        StringBuilder text = new StringBuilder("n\n");
        for (int i = 0; i < 1000; i++) {
            text.append(i).append('\n');
        }
        CsvLimitExceededException e = refused(text.toString(), new CsvLimits(100, 100, 10, 1000));
        assertThat(e.limit()).isEqualTo(Limit.TOTAL_BYTES);
        assertThat(e.row()).isGreaterThan(200).isLessThan(400);
    }

    @Test
    void theDefaultsHoldTheUsualData() {
        assertThat(CsvLimits.DEFAULTS).isEqualTo(new CsvLimits(1 << 20, 1 << 16, 2000, 512L << 20));
        assertThat(read("a,b\n1,2\n", CsvLimits.DEFAULTS).rows).hasSize(1);
    }

    @Test
    void aCellThatIsNotANumberIsNamedButNotQuoted() {
        CsvRowHandler rows = new CsvRowHandler() {
            @Override
            public void header(CsvHeader header) {
            }

            @Override
            public void row(CsvRow row) {
                row.number(0);
            }
        };
        assertThatThrownBy(() -> CsvReader.read(new ByteArrayInputStream(("x\n" + SECRET + "\n")
                .getBytes(StandardCharsets.UTF_8)), rows))
                .hasMessage("row 2, column 'x': a number is needed but the cell holds text");
    }

    private static String columns(String prefix, int count) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++) {
            line.append(i == 0 ? "" : ",").append(prefix).append(i);
        }
        return line.toString();
    }
}
