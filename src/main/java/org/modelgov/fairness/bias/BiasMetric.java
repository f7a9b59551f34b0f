package org.modelgov.fairness.bias;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bias metrics of SageMaker Clarify, with the descriptions Clarify writes into analysis.json
 * (the first line of each smclarify metric's documentation). Formulas: {@link PreTrainingMetrics},
 * {@link PostTrainingMetrics}, {@link FlipTest}.
 */
public enum BiasMetric {
    CDDL(Stage.PRE_TRAINING, "Conditional Demographic Disparity in Labels (CDDL)"),
    CI(Stage.PRE_TRAINING, "Class Imbalance (CI)"),
    DPL(Stage.PRE_TRAINING, "Difference in Positive Proportions in Labels (DPL)"),
    JS(Stage.PRE_TRAINING, "Jensen-Shannon Divergence (JS)"),
    KL(Stage.PRE_TRAINING, "Kullback-Liebler Divergence (KL)"),
    KS(Stage.PRE_TRAINING, "Kolmogorov-Smirnov Distance (KS)"),
    LP(Stage.PRE_TRAINING, "L-p Norm (LP)"),
    TVD(Stage.PRE_TRAINING, "Total Variation Distance (TVD)"),

    AD(Stage.POST_TRAINING, "Accuracy Difference (AD)"),
    CDDPL(Stage.POST_TRAINING, "Conditional Demographic Disparity in Predicted Labels (CDDPL)"),
    DAR(Stage.POST_TRAINING, "Difference in Acceptance Rates (DAR)"),
    DCA(Stage.POST_TRAINING, "Difference in Conditional Acceptance (DCA)"),
    DCR(Stage.POST_TRAINING, "Difference in Conditional Rejection (DCR)"),
    DI(Stage.POST_TRAINING, "Disparate Impact (DI)"),
    DPPL(Stage.POST_TRAINING, "Difference in Positive Proportions in Predicted Labels (DPPL)"),
    DRR(Stage.POST_TRAINING, "Difference in Rejection Rates (DRR)"),
    FT(Stage.POST_TRAINING, "Flip Test (FT)"),
    GE(Stage.POST_TRAINING, "Generalized Entropy (GE)"),
    RD(Stage.POST_TRAINING, "Recall Difference (RD)"),
    SD(Stage.POST_TRAINING, "Specificity Difference (SD)"),
    TE(Stage.POST_TRAINING, "Treatment Equality (TE)");

    public enum Stage {
        PRE_TRAINING("pre_training_bias"), POST_TRAINING("post_training_bias");

        private final String configKey;

        Stage(String configKey) {
            this.configKey = configKey;
        }

        /** The key under {@code methods} in Clarify's analysis config. */
        public String configKey() {
            return configKey;
        }

        /** All metrics of this stage, sorted by name as Clarify sorts them. */
        public List<BiasMetric> metrics() {
            return Arrays.stream(BiasMetric.values()).filter(m -> m.stage == this).sorted((x, y) -> x.name().compareTo(y.name())).toList();
        }
    }

    private final Stage stage;
    private final String description;

    BiasMetric(Stage stage, String description) {
        this.stage = stage;
        this.description = description;
    }

    public Stage stage() {
        return stage;
    }

    public String description() {
        return description;
    }

    public static Optional<BiasMetric> of(Stage stage, String name) {
        return Arrays.stream(values()).filter(m -> m.stage == stage && m.name().equals(name)).findFirst();
    }
}
