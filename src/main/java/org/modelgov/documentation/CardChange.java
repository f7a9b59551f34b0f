package org.modelgov.documentation;

/**
 * Who caused a change of a model card, and in which lifecycle step; kept with the revision it writes.
 *
 * @param by   the people whose action caused it ({@code approver1+approver2}), or {@code null} when unknown
 * @param step the lifecycle step in words ("Risk tier recorded"), or {@code null} when unknown
 */
public record CardChange(String by, String step) {

    public static final CardChange UNKNOWN = new CardChange(null, null);
}
