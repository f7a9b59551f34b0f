package org.modelgov.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modelgov.fairness.MetricsInputException;

/**
 * SageMaker Model Monitor's feature attribution drift: how far the ranking of features by
 * attribution moved, as nDCG.
 *
 * <p>F = features sorted by reference attribution (descending), F' = sorted by current
 * attribution; a(f) = reference attribution of f (0 for a feature the reference lacks).
 * DCG = Σ_i a(F'_i) / log2(i + 1), iDCG = Σ_i a(F_i) / log2(i + 1), nDCG = DCG / iDCG; 1 means the
 * same order. Model Monitor reports a violation when nDCG &lt; 0.9. Equal attributions keep the
 * order in which the features are listed.
 */
public final class AttributionDrift {

    private AttributionDrift() {
    }

    public static double ndcg(Map<String, Double> reference, Map<String, Double> current) {
        Set<String> features = new LinkedHashSet<>(reference.keySet());
        features.addAll(current.keySet());
        List<String> byReference = new ArrayList<>(features);
        byReference.sort(Comparator.comparingDouble((String f) -> reference.getOrDefault(f, 0.0)).reversed());
        List<String> byCurrent = new ArrayList<>(features);
        byCurrent.sort(Comparator.comparingDouble((String f) -> current.getOrDefault(f, 0.0)).reversed());
        double dcg = 0;
        double ideal = 0;
        for (int i = 0; i < features.size(); i++) {
            double discount = Math.log(i + 2) / Math.log(2); // log2(rank + 1), rank from 1
            dcg += reference.getOrDefault(byCurrent.get(i), 0.0) / discount;
            ideal += reference.getOrDefault(byReference.get(i), 0.0) / discount;
        }
        if (ideal <= 0) {
            throw new MetricsInputException("config, field 'attributions.reference': needs at least one positive attribution");
        }
        return dcg / ideal;
    }
}
