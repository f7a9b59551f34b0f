package org.modelgov.review;

import java.util.Optional;

/**
 * Independence and four eyes (DESIGN.md): whoever owns or registered a model neither validates, reviews
 * nor signs it off; the model's own tasks are theirs alone; a validator does not sign off what they
 * validated; no one approves the same round twice (so a HIGH model's two approvals come from two people).
 */
public final class SegregationOfDuties {

    private SegregationOfDuties() {
    }

    /** Why {@code actor} may not take this decision, or empty when they may. */
    public static Optional<String> refusal(ReviewKind kind, String actor, String versionId, Participants p) {
        if (kind.party() == ReviewKind.Party.MODEL_PEOPLE) {
            return p.modelPeople().contains(actor) ? Optional.empty()
                    : Optional.of(actor + " is not the owner or registrant of " + versionId
                    + "; only they answer for their model here");
        }
        if (p.modelPeople().contains(actor)) {
            return Optional.of("Independence: " + actor + " owns or registered " + versionId
                    + " and may not validate, review or sign off their own model");
        }
        if (kind == ReviewKind.SIGN_OFF) {
            if (p.validators().contains(actor)) {
                return Optional.of("Four eyes: " + actor + " validated " + versionId
                        + " in this round and may not also sign it off");
            }
            if (p.approvers().contains(actor)) {
                return Optional.of("Four eyes: " + actor + " has already approved " + versionId
                        + " in this round; the next approval must come from a different committee member");
            }
        }
        return Optional.empty();
    }
}
