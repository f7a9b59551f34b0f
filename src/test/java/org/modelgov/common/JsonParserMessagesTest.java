package org.modelgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonParserMessagesTest {

    private static final String SOURCE = "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);"
            + " line: 1, column: 15]";

    @Test
    void keepsJacksonsSentenceWithoutLocationsOrJavaNames() {
        assertThat(JsonParserMessages.reason("Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`)\n at " + SOURCE))
                .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
        assertThat(JsonParserMessages.reason("Unexpected end-of-input: expected close marker for Object (start"
                + " marker at " + SOURCE + ")\n at " + SOURCE))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(JsonParserMessages.reason(null)).isEqualTo("the body is empty or not JSON");
    }
}
