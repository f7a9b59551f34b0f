package org.modelgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void ordinaryTextTabsNewlinesAndPairedSurrogatesPass() {
        assertThat(PlainText.problem(null, false)).isNull();
        assertThat(PlainText.problem("", false)).isNull();
        assertThat(PlainText.problem("Crédit scoring\tv2\nsecond line 😀 \u007f", false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f})
    void everyOtherControlCharacterIsNamedWithItsPosition(int c) {
        assertThat(PlainText.problem("ab" + (char) c + "c", true))
                .isEqualTo("must not contain the control character U+%04X (at character 3); of those only tab,"
                        .formatted(c) + " newline and carriage return are allowed");
    }

    @Test
    void carriageReturnOnlyInMultiLineFields() {
        assertThat(PlainText.problem("line one\r\nline two", true)).isNull();
        assertThat(PlainText.problem("line one\r\nline two", false))
                .isEqualTo("must not contain the control character U+000D (at character 9); of those only tab and"
                        + " newline are allowed");
    }

    @Test
    void loneSurrogatesAreRefusedWhereverTheyStand() {
        assertThat(PlainText.problem("x\ud800", true))
                .isEqualTo("must not contain a lone UTF-16 surrogate (U+D800 at character 2)");
        assertThat(PlainText.problem("\udc00y", false))
                .isEqualTo("must not contain a lone UTF-16 surrogate (U+DC00 at character 1)");
        assertThat(PlainText.problem("\ud83d\ud83d\ude00", false)).as("a high surrogate before a pair")
                .isEqualTo("must not contain a lone UTF-16 surrogate (U+D83D at character 1)");
    }
}
