package org.modelgov.documentation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON forms of cards, revisions and diffs: the API's answers and the auditor export's files. */
public final class ModelCardJson {

    private ModelCardJson() {
    }

    /** One revision of a version's card, its content as the SageMaker model card JSON it is. */
    public record Card(String modelId, String versionId, int version, int revision, int latestRevision,
                       String status, String change, Instant writtenAt, String writtenBy, String step,
                       @JsonRawValue String content) {

        public static Card of(ModelCardDocuments.Shown shown) {
            CardRevision r = shown.card();
            return new Card(shown.model().id(), shown.version().id(), shown.version().number(), r.revision(),
                    shown.latestRevision(), r.status().name(), r.kind(), r.writtenAt(), r.writtenBy(), r.step(),
                    r.content());
        }
    }

    /** A revision in a list: what changed, when, by whom, in which step (with its content only when asked). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revision(int revision, String status, String change, Instant writtenAt, String writtenBy,
                           String step, @JsonRawValue String content) {

        public static Revision of(CardRevision r, boolean withContent) {
            return new Revision(r.revision(), r.status().name(), r.kind(), r.writtenAt(), r.writtenBy(), r.step(),
                    withContent ? r.content() : null);
        }
    }

    public record Side(String versionId, int version, int revision, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String path, String label, String kind, String from, String to,
                         List<WordDiff.Segment> words) {
    }

    public record Diff(String modelId, Side from, Side to, Map<String, Long> counts, List<Change> changes) {

        public static Diff of(ModelCardDocuments.Compared c) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (CardDiff.Kind kind : CardDiff.Kind.values()) {
                counts.put(kind.name().toLowerCase(java.util.Locale.ROOT), c.diff().count(kind));
            }
            return new Diff(c.model().id(),
                    new Side(c.fromVersion().id(), c.fromVersion().number(), c.from().revision(),
                            c.from().status().name()),
                    new Side(c.toVersion().id(), c.toVersion().number(), c.to().revision(), c.to().status().name()),
                    counts, c.diff().changes().stream().map(ch -> new Change(ch.path(), ch.label(), ch.kind().name(),
                            ch.from(), ch.to(), ch.words())).toList());
        }
    }
}
