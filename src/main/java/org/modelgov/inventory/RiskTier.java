package org.modelgov.inventory;

/** Risk tier of a model; {@code UNASSESSED} until the lifecycle's risk assessment sets it. */
public enum RiskTier {
    UNASSESSED, LOW, MEDIUM, HIGH, PROHIBITED
}
