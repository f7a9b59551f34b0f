package org.modelgov.aws.sagemaker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.modelgov.registry.ModelPackageCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricsSource;
import software.amazon.awssdk.services.sagemaker.model.ModelMetrics;

/** AWS mode: DescribeModelPackage, read into what the inventory and the evidence keep. */
@Component
@ConditionalOnProperty(name = "modelgov.integration", havingValue = "aws")
class SageMakerPackageCatalog implements ModelPackageCatalog {

    private final SageMakerClient sageMaker;

    SageMakerPackageCatalog(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    @Override
    public Optional<PackageFacts> describe(String modelPackageArn) {
        DescribeModelPackageResponse p = SageMakerCallFailed.call("DescribeModelPackage", modelPackageArn,
                () -> sageMaker.describeModelPackage(r -> r.modelPackageName(modelPackageArn)));
        String image = null;
        String modelData = null;
        if (p.inferenceSpecification() != null && !p.inferenceSpecification().containers().isEmpty()) {
            image = p.inferenceSpecification().containers().get(0).image();
            modelData = p.inferenceSpecification().containers().get(0).modelDataUrl();
        }
        return Optional.of(new PackageFacts(p.modelPackageArn(), p.modelPackageDescription(), image, modelData,
                p.customerMetadataProperties(), metrics(p.modelMetrics()),
                p.modelApprovalStatus() == null ? null : p.modelApprovalStatus().toString(), p.approvalDescription(),
                p.modelLifeCycle() == null ? null : p.modelLifeCycle().stage(),
                p.modelLifeCycle() == null ? null : p.modelLifeCycle().stageStatus()));
    }

    private static Map<String, String> metrics(ModelMetrics m) {
        Map<String, String> uris = new LinkedHashMap<>();
        if (m == null) {
            return uris;
        }
        if (m.modelQuality() != null) {
            put(uris, "ModelQuality.Statistics", m.modelQuality().statistics());
            put(uris, "ModelQuality.Constraints", m.modelQuality().constraints());
        }
        if (m.modelDataQuality() != null) {
            put(uris, "ModelDataQuality.Statistics", m.modelDataQuality().statistics());
            put(uris, "ModelDataQuality.Constraints", m.modelDataQuality().constraints());
        }
        if (m.bias() != null) {
            put(uris, "Bias.Report", m.bias().report());
        }
        if (m.explainability() != null) {
            put(uris, "Explainability.Report", m.explainability().report());
        }
        return uris;
    }

    private static void put(Map<String, String> uris, String name, MetricsSource source) {
        if (source != null && source.s3Uri() != null) {
            uris.put(name, source.s3Uri());
        }
    }
}
