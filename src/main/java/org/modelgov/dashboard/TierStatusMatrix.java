package org.modelgov.dashboard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.RiskTier;

/** How many models sit in each risk tier and status, with the row, column and grand totals. */
public record TierStatusMatrix(Map<RiskTier, Map<ModelStatus, Long>> counts) {

    public List<RiskTier> tiers() {
        return List.of(RiskTier.values());
    }

    public List<ModelStatus> statuses() {
        return List.of(ModelStatus.values());
    }

    public long count(RiskTier tier, ModelStatus status) {
        return counts.getOrDefault(tier, Map.of()).getOrDefault(status, 0L);
    }

    public long tierTotal(RiskTier tier) {
        return counts.getOrDefault(tier, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long statusTotal(ModelStatus status) {
        return counts.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    public long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    static TierStatusMatrix of(List<Cell> cells) {
        Map<RiskTier, Map<ModelStatus, Long>> counts = new EnumMap<>(RiskTier.class);
        for (Cell c : cells) {
            counts.computeIfAbsent(c.tier(), t -> new EnumMap<>(ModelStatus.class)).merge(c.status(), c.count(),
                    Long::sum);
        }
        return new TierStatusMatrix(counts);
    }

    /** One group of the inventory. */
    record Cell(RiskTier tier, ModelStatus status, long count) {
    }
}
