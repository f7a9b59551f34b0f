package org.modelgov.aws.sagemaker;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DesiredWeightAndCapacity;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;

/** An endpoint's traffic weights as SageMaker reports them, and as UpdateEndpointWeightsAndCapacities takes them. */
final class EndpointWeights {

    private EndpointWeights() {
    }

    /** Weight by variant, sorted by name; a variant without a current weight has 0. */
    static Map<String, Double> of(DescribeEndpointResponse endpoint) {
        Map<String, Double> weights = new TreeMap<>();
        for (ProductionVariantSummary variant : endpoint.productionVariants()) {
            // via the decimal text, so that a float 0.3 is recorded and shown as 0.3, not 0.30000001192092896
            weights.put(variant.variantName(),
                    variant.currentWeight() == null ? 0.0 : Double.parseDouble(variant.currentWeight().toString()));
        }
        return weights;
    }

    /** The request's weights: one per variant, never a capacity. */
    static List<DesiredWeightAndCapacity> desired(Map<String, Double> weights) {
        return weights.entrySet().stream()
                .map(w -> DesiredWeightAndCapacity.builder().variantName(w.getKey())
                        .desiredWeight(w.getValue().floatValue()).build())
                .toList();
    }
}
