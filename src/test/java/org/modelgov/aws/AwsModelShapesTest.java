package org.modelgov.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape checker itself finds what is wrong, and passes what is right. */
class AwsModelShapesTest {

    private static final String ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3";

    @Test
    void aRequestThatFitsHasNoViolations() {
        assertThat(AwsModelShapes.SAGEMAKER.violations("UpdateModelPackage",
                "{\"ModelPackageArn\": \"" + ARN + "\", \"ModelApprovalStatus\": \"Approved\","
                        + " \"ApprovalDescription\": \"Approved by a, b\"}")).isEmpty();
    }

    @Test
    void missingRequiredMembersWrongEnumsPatternsAndUnknownMembersAreReported() {
        assertThat(AwsModelShapes.SAGEMAKER.violations("UpdateModelPackage",
                "{\"ModelApprovalStatus\": \"APPROVED\", \"Colour\": \"red\"}"))
                .anyMatch(v -> v.contains("ModelPackageArn: required"))
                .anyMatch(v -> v.contains("'APPROVED' is not one of"))
                .anyMatch(v -> v.contains("Colour: not a member"));
        assertThat(AwsModelShapes.SAGEMAKER.violations("UpdateModelPackage",
                "{\"ModelPackageArn\": \"arn:aws:s3:::bucket\"}")).anyMatch(v -> v.contains("does not match"));
        assertThat(AwsModelShapes.SAGEMAKER.enumOf("ModelApprovalStatus"))
                .containsExactlyInAnyOrder("Approved", "Rejected", "PendingManualApproval");
    }
}
