package org.modelgov.registry;

import java.util.Map;
import java.util.Optional;

/**
 * Port: what the model registry knows about a model package (SageMaker DescribeModelPackage in AWS mode). Locally
 * there is no catalog to ask.
 */
public interface ModelPackageCatalog {

    /** Empty when no catalog is configured; an unknown package or an AWS error is an exception. */
    Optional<PackageFacts> describe(String modelPackageArn);

    /**
     * @param metrics the package's metric reports by kind (e.g. {@code ModelQuality.Statistics}) and their S3 URI
     * @param approvalStatus      with {@code approvalDescription}, {@code stage} and {@code stageStatus}: the
     *                            registry's state, so registering the version needs no second description
     */
    record PackageFacts(String arn, String description, String inferenceImage, String modelDataUrl,
                        Map<String, String> customerMetadata, Map<String, String> metrics, String approvalStatus,
                        String approvalDescription, String stage, String stageStatus) {

        public PackageFacts {
            customerMetadata = customerMetadata == null ? Map.of() : Map.copyOf(customerMetadata);
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }
}
