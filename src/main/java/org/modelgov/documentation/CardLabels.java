package org.modelgov.documentation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readable labels for the fields of SageMaker's model card JSON schema (model_overview, intended_uses,
 * business_details, training_details, evaluation_details, additional_information), in the order the schema lists
 * the sections. The one place the page, the PDF and the diff take their words from; a field the schema adds later
 * gets its snake_case name in words.
 */
public final class CardLabels {

    /** The schema's sections, in its order; others follow in the card's own order. */
    static final List<String> SECTIONS = List.of("model_overview", "intended_uses", "business_details",
            "training_details", "evaluation_details", "additional_information");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("model_overview", "Model overview"),
            Map.entry("model_description", "Description"),
            Map.entry("model_creator", "Creator"),
            Map.entry("model_artifact", "Artifacts"),
            Map.entry("algorithm_type", "Algorithm type"),
            Map.entry("problem_type", "Problem type"),
            Map.entry("model_owner", "Owner"),
            Map.entry("model_id", "Model ARN"),
            Map.entry("model_name", "Model name"),
            Map.entry("model_version", "Version"),
            Map.entry("inference_environment", "Inference environment"),
            Map.entry("container_image", "Container images"),
            Map.entry("intended_uses", "Intended uses"),
            Map.entry("purpose_of_model", "Purpose"),
            Map.entry("factors_affecting_model_efficiency", "Factors affecting model efficiency"),
            Map.entry("risk_rating", "Risk rating"),
            Map.entry("explanations_for_risk_rating", "Explanation of the risk rating"),
            Map.entry("business_details", "Business details"),
            Map.entry("business_problem", "Business problem"),
            Map.entry("business_stakeholders", "Business stakeholders"),
            Map.entry("line_of_business", "Line of business"),
            Map.entry("training_details", "Training details"),
            Map.entry("objective_function", "Objective function"),
            Map.entry("training_observations", "Training observations"),
            Map.entry("training_job_details", "Training job"),
            Map.entry("training_arn", "Training job ARN"),
            Map.entry("training_datasets", "Training datasets"),
            Map.entry("training_environment", "Training environment"),
            Map.entry("training_metrics", "Training metrics"),
            Map.entry("user_provided_training_metrics", "Training metrics (provided)"),
            Map.entry("hyper_parameters", "Hyperparameters"),
            Map.entry("user_provided_hyper_parameters", "Hyperparameters (provided)"),
            Map.entry("function", "Function"),
            Map.entry("facet", "Facet"),
            Map.entry("condition", "Condition"),
            Map.entry("notes", "Notes"),
            Map.entry("evaluation_details", "Evaluation"),
            Map.entry("evaluation_observation", "Observations"),
            Map.entry("evaluation_job_arn", "Evaluation job ARN"),
            Map.entry("datasets", "Datasets"),
            Map.entry("metadata", "Metadata"),
            Map.entry("metric_groups", "Metric groups"),
            Map.entry("metric_data", "Metrics"),
            Map.entry("name", "Name"),
            Map.entry("type", "Type"),
            Map.entry("value", "Value"),
            Map.entry("x_axis_name", "X axis"),
            Map.entry("y_axis_name", "Y axis"),
            Map.entry("additional_information", "Additional information"),
            Map.entry("ethical_considerations", "Ethical considerations"),
            Map.entry("caveats_and_recommendations", "Caveats and recommendations"),
            Map.entry("custom_details", "Custom details"));

    private CardLabels() {
    }

    /** The field's label: the schema's words, or its name in words ({@code line_of_business} → "Line of business"). */
    public static String of(String field) {
        String known = LABELS.get(field);
        if (known != null) {
            return known;
        }
        String words = field.replace('_', ' ').trim();
        return words.isEmpty() ? field : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
