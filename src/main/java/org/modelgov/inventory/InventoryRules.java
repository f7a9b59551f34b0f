package org.modelgov.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;
import org.modelgov.common.Violations;

/** The inventory's field rules, shared by registration, changes and versions. */
final class InventoryRules {

    /** Upper-case letters, digits and single dashes, starting with a letter: {@code CUST-CHURN-001}. */
    static final Pattern MODEL_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    /** SageMaker's own pattern for an endpoint name (EndpointName shape). */
    static final Pattern ENDPOINT_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    /** SageMaker's own pattern for a model package ARN (ModelPackageArn shape). */
    static final Pattern MODEL_PACKAGE_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov|-iso-f)?:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/\\S{1,2048}");
    static final Pattern VERSION_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Set<String> DATASET_SCHEMES = Set.of("file", "s3");

    private InventoryRules() {
    }

    static void modelId(Violations v, String field, String id) {
        if (id == null || id.isBlank()) {
            v.add(field, "is required");
        } else if (id.length() < 3 || id.length() > 64) {
            v.add(field, "must be 3 to 64 characters long (got " + id.length() + ")");
        } else if (!MODEL_ID.matcher(id).matches()) {
            v.add(field, "must be upper-case letters, digits and single dashes, starting with a letter,"
                    + " like CUST-CHURN-001");
        }
    }

    static void endpointName(Violations v, String field, String name) {
        v.optionalPattern(field, name, 63, ENDPOINT_NAME,
                "must be a SageMaker endpoint name: letters, digits and dashes, starting and ending with a"
                        + " letter or digit, at most 63 characters");
    }

    static void modelPackageArn(Violations v, String field, String arn) {
        v.optionalPattern(field, arn, 2048, MODEL_PACKAGE_ARN,
                "must be a SageMaker model package ARN like"
                        + " arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3");
    }

    /** A dataset or artifact location: {@code file:} locally, {@code s3://bucket/key} with AWS. */
    static void dataUri(Violations v, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > 1024) {
            v.add(field, "must be at most 1024 characters");
            return;
        }
        String problem = uriProblem(value);
        if (problem != null) {
            v.add(field, problem);
        }
    }

    private static String uriProblem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a valid URI: " + e.getReason();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !DATASET_SCHEMES.contains(scheme.toLowerCase())) {
            return "must be a file: or s3:// URI, like s3://my-bucket/eval/churn.csv or file:/data/churn.csv";
        }
        if (scheme.equalsIgnoreCase("s3") && (uri.getHost() == null || uri.getPath() == null
                || uri.getPath().length() <= 1)) {
            return "must name a bucket and a key, like s3://my-bucket/eval/churn.csv";
        }
        if (scheme.equalsIgnoreCase("file") && (uri.getPath() == null || uri.getPath().isEmpty())) {
            return "must be an absolute file URI, like file:/data/churn.csv";
        }
        return null;
    }

    static void userId(Violations v, String field, String user) {
        if (user == null || user.isBlank()) {
            v.add(field, "is required");
        } else if (!USER_ID.matcher(user).matches()) {
            v.add(field, "must be a user id (letters, digits, . _ @ -, at most 64 characters)");
        }
    }
}
