package org.modelgov.documentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field-level difference of two model cards: each labelled path changed (old → new, word by word for text),
 * added, removed or unchanged, in the order of the newer card with removed fields where they stood. Plain Java.
 */
public record CardDiff(List<Change> changes) {

    /** Texts of at least this many words get a word-level diff. */
    static final int WORDS_FOR_WORD_DIFF = 4;

    public enum Kind { CHANGED, ADDED, REMOVED, UNCHANGED }

    /**
     * @param words for a changed text of some length, the word-level diff; otherwise null
     */
    public record Change(String path, String label, Kind kind, String from, String to, List<WordDiff.Segment> words) {
    }

    public static CardDiff between(String fromContent, String toContent) {
        return of(CardPaths.of(fromContent), CardPaths.of(toContent));
    }

    public static CardDiff of(List<CardPaths.Entry> from, List<CardPaths.Entry> to) {
        Map<String, Integer> fromIndex = new HashMap<>();
        for (int i = 0; i < from.size(); i++) {
            fromIndex.putIfAbsent(from.get(i).path(), i);
        }
        Set<String> toPaths = to.stream().map(CardPaths.Entry::path).collect(Collectors.toSet());
        List<Change> changes = new ArrayList<>();
        int next = 0; // the first entry of `from` not yet placed
        for (CardPaths.Entry t : to) {
            Integer at = fromIndex.get(t.path());
            if (at == null) {
                changes.add(new Change(t.path(), t.label(), Kind.ADDED, null, t.value(), null));
                continue;
            }
            // fields removed before this one stand where they stood
            for (; next < at; next++) {
                removedOrSkip(from.get(next), toPaths, changes);
            }
            next = Math.max(next, at + 1);
            String old = from.get(at).value();
            changes.add(old.equals(t.value())
                    ? new Change(t.path(), t.label(), Kind.UNCHANGED, old, t.value(), null)
                    : new Change(t.path(), t.label(), Kind.CHANGED, old, t.value(), words(old, t.value())));
        }
        for (; next < from.size(); next++) {
            removedOrSkip(from.get(next), toPaths, changes);
        }
        return new CardDiff(List.copyOf(changes));
    }

    /** Everything but the unchanged fields. */
    public List<Change> differences() {
        return changes.stream().filter(c -> c.kind() != Kind.UNCHANGED).toList();
    }

    public List<Change> unchanged() {
        return changes.stream().filter(c -> c.kind() == Kind.UNCHANGED).toList();
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    public boolean isSame() {
        return differences().isEmpty();
    }

    private static void removedOrSkip(CardPaths.Entry f, Set<String> toPaths, List<Change> changes) {
        if (!toPaths.contains(f.path())) {
            changes.add(new Change(f.path(), f.label(), Kind.REMOVED, f.value(), null, null));
        }
    }

    private static List<WordDiff.Segment> words(String from, String to) {
        if (from.split("\\s+").length < WORDS_FOR_WORD_DIFF && to.split("\\s+").length < WORDS_FOR_WORD_DIFF) {
            return null;
        }
        return WordDiff.of(from, to);
    }
}
