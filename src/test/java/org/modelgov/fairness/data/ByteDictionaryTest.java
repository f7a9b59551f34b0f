package org.modelgov.fairness.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ByteDictionaryTest {

    private static int code(ByteDictionary dictionary, String value) {
        byte[] bytes = ("#" + value + "#").getBytes(StandardCharsets.UTF_8);
        return dictionary.codeOf(bytes, 1, bytes.length - 1);
    }

    @Test
    void codesFollowFirstAppearance() {
        ByteDictionary dictionary = new ByteDictionary();
        assertThat(code(dictionary, "b")).isZero();
        assertThat(code(dictionary, "a")).isEqualTo(1);
        assertThat(code(dictionary, "b")).isZero();
        assertThat(code(dictionary, "")).isEqualTo(2);
        assertThat(dictionary.values()).containsExactly("b", "a", "");
    }

    @Test
    void keepsCodesWhenItGrows() {
        ByteDictionary dictionary = new ByteDictionary();
        for (int i = 0; i < 10_000; i++) {
            assertThat(code(dictionary, "v" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 10_000; i += 97) {
            assertThat(code(dictionary, "v" + i)).isEqualTo(i);
        }
        assertThat(dictionary.size()).isEqualTo(10_000);
    }
}
