package org.modelgov.documentation;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level difference of two texts: the longest common subsequence of their words, the rest removed or added.
 * Quadratic, so only for texts of a card's size; longer ones get no word diff (null).
 */
public final class WordDiff {

    /** Word pairs beyond this are not compared word by word (the page then shows old → new). */
    static final long MAX_CELLS = 400_000;

    public enum Kind { SAME, REMOVED, ADDED }

    /** A run of consecutive words of one kind. */
    public record Segment(Kind kind, String text) {
    }

    private WordDiff() {
    }

    /** The segments that turn {@code from} into {@code to}, or null when the texts are too long to compare. */
    public static List<Segment> of(String from, String to) {
        String[] a = words(from);
        String[] b = words(to);
        if ((long) (a.length + 1) * (b.length + 1) > MAX_CELLS) {
            return null;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(out, Kind.SAME, a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // on a tie the old words go first: "old → new" reads in that order
                add(out, Kind.REMOVED, a[i++]);
            } else {
                add(out, Kind.ADDED, b[j++]);
            }
        }
        return out;
    }

    private static void add(List<Segment> out, Kind kind, String word) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + " " + word));
        } else {
            out.add(new Segment(kind, word));
        }
    }

    private static String[] words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }
}
