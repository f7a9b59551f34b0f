package org.modelgov.common;

/** Jackson's sentence on a body it could not read, fit for the caller: no location, no Java method names. */
public final class JsonParserMessages {

    private JsonParserMessages() {
    }

    /**
     * "Document nesting depth (2001) exceeds the maximum allowed (1000, from
     * `StreamReadConstraints.getMaxNestingDepth()`)\n at [Source: ...]" becomes
     * "Document nesting depth (2001) exceeds the maximum allowed (1000)"; an embedded "(start marker at [Source:
     * ...])" goes too.
     */
    public static String reason(String parserMessage) {
        if (parserMessage == null || parserMessage.isBlank()) {
            return "the body is empty or not JSON";
        }
        String firstLine = parserMessage.lines().findFirst().orElse("");
        return firstLine.replaceAll(",? from `[^`]*`", "")
                .replaceAll(" ?\\((start marker )?at \\[Source:[^\\]]*\\]\\)| ?at \\[Source:[^\\]]*\\]", "")
                .strip();
    }
}
