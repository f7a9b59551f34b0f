package org.modelgov.review;

import java.util.Set;

/**
 * The people already involved with a model version, for segregation of duties.
 *
 * @param modelPeople      the model's owner, whoever registered the model and whoever registered the version
 * @param validators       who decided a technical, ethical or business validation of the round being signed off
 * @param approvers        who already approved this round in sign-off
 */
public record Participants(Set<String> modelPeople, Set<String> validators, Set<String> approvers) {

    public Participants {
        modelPeople = Set.copyOf(modelPeople);
        validators = Set.copyOf(validators);
        approvers = Set.copyOf(approvers);
    }
}
