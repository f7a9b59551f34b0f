package org.modelgov.inventory;

import java.util.List;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.Violations;

/**
 * Command: put a new model into the inventory.
 *
 * @param malformed fields the caller could not even read (wrong JSON type, unknown or read-only
 *     fields); reported together with the rule violations so one answer names every problem
 */
public record RegisterModel(String id, ModelDetails details, List<FieldViolation> malformed) {

    public RegisterModel {
        malformed = malformed == null ? List.of() : List.copyOf(malformed);
    }

    Violations check() {
        Violations v = new Violations().addAll(malformed);
        ModelDetails.checkUnlessReported(v, "id", () -> InventoryRules.modelId(v, "id", id));
        details.check(v);
        return v;
    }
}
