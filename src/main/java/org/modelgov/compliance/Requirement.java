package org.modelgov.compliance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modelgov.inventory.RiskTier;

/**
 * One obligation or control of a framework, when it applies and which evidence satisfies it.
 *
 * @param tiers           the confirmed risk tiers it applies to; empty = every tier
 * @param useAreas        the questionnaire's use areas it applies to; empty = every area
 * @param from            the framework's application date key from which it applies, or null (always)
 * @param fromByUseArea   a different application date key for some use areas
 * @param needsAll        true: every reference must be met; false: any one is enough
 * @param outsideModelGov when not null, the requirement is evidenced outside ModelGov (and says where)
 */
public record Requirement(String id, String title, String reference, Set<RiskTier> tiers, Set<String> useAreas,
                          String from, Map<String, String> fromByUseArea, boolean needsAll,
                          List<EvidenceRef> evidence, String outsideModelGov) {

    public Requirement {
        tiers = Set.copyOf(tiers);
        useAreas = Set.copyOf(useAreas);
        fromByUseArea = Map.copyOf(fromByUseArea);
        evidence = List.copyOf(evidence);
    }

    /** The application date key that holds for a model in {@code useArea} (may be null). */
    public String fromFor(String useArea) {
        return useArea != null && fromByUseArea.containsKey(useArea) ? fromByUseArea.get(useArea) : from;
    }
}
