package org.modelgov.fairness.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NumberParserTest {

    @Test
    void parsesDecimalNumbers() {
        assertThat(NumberParser.parse("42")).isEqualTo(42.0);
        assertThat(NumberParser.parse("-0.125")).isEqualTo(-0.125);
        assertThat(NumberParser.parse("+7.")).isEqualTo(7.0);
        assertThat(NumberParser.parse(".5")).isEqualTo(0.5);
        assertThat(NumberParser.parse(" 3 ")).isEqualTo(3.0);
        assertThat(NumberParser.parse("1e3")).isEqualTo(1000.0);
        assertThat(NumberParser.parse("2.5E-3")).isEqualTo(0.0025);
        assertThat(NumberParser.parse("12345678901234567890")).isEqualTo(1.2345678901234567e19);
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String text : new String[] {"", " ", "abc", "1.2.3", "1,5", "-", ".", "NaN", "Infinity", "0x10", "1d", "1e400"}) {
            assertThat(NumberParser.parse(text)).as(text).isNaN();
        }
    }

    @Test
    void agreesExactlyWithDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
            String text = String.format(Locale.ROOT, "%." + random.nextInt(12) + "f", value);
            assertThat(NumberParser.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }
}
