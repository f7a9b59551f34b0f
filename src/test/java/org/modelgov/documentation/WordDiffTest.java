package org.modelgov.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void wordsRemovedAndAddedAroundCommonOnes() {
        assertThat(WordDiff.of("the model scores old loans daily", "the model scores new loans weekly"))
                .containsExactly(
                        new WordDiff.Segment(WordDiff.Kind.SAME, "the model scores"),
                        new WordDiff.Segment(WordDiff.Kind.REMOVED, "old"),
                        new WordDiff.Segment(WordDiff.Kind.ADDED, "new"),
                        new WordDiff.Segment(WordDiff.Kind.SAME, "loans"),
                        new WordDiff.Segment(WordDiff.Kind.REMOVED, "daily"),
                        new WordDiff.Segment(WordDiff.Kind.ADDED, "weekly"));
    }

    @Test
    void emptyTextsAndTooLongTexts() {
        assertThat(WordDiff.of("", "new text")).containsExactly(new WordDiff.Segment(WordDiff.Kind.ADDED, "new text"));
        assertThat(WordDiff.of("old", "")).containsExactly(new WordDiff.Segment(WordDiff.Kind.REMOVED, "old"));
        String huge = "word ".repeat(1000);
        assertThat(WordDiff.of(huge, huge + "more")).isNull();
    }
}
