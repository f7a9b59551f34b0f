package org.modelgov.exercise;

import java.time.Period;
import java.util.Optional;
import org.modelgov.inventory.RiskTier;

/** Port: the policy of how often a model of a tier is exercised (DMN ExerciseCadence); empty: never scheduled. */
public interface ExerciseCadence {

    Optional<Period> cadence(RiskTier tier);
}
