package org.modelgov.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.modelgov.aws.AwsModelShapes;

/** The challenger's variant name: readable, unique per version, and valid as a SageMaker VariantName. */
class ChallengerVariantNameTest {

    @Test
    void aVersionIdBecomesItsModelIdInLowerCaseWithTheVersionNumber() {
        assertThat(ChallengerDeployment.variantNameOf("CUST-CHURN-001:3")).isEqualTo("cust-churn-001-v3");
        assertThat(ChallengerDeployment.variantNameOf("FRAUD:12")).isEqualTo("fraud-v12");
    }

    @Test
    void aLongModelIdIsCutToSixtyThreeCharactersAndStillDiffersFromAnother() {
        String a = ChallengerDeployment.variantNameOf("A".repeat(70) + "-X:7");
        String b = ChallengerDeployment.variantNameOf("A".repeat(70) + "-Y:7");

        assertThat(a).hasSize(63).endsWith("-v7").isNotEqualTo(b);
        assertThat(b).hasSize(63);
    }

    @Test
    void everyNameFitsSageMakersVariantNamePattern() {
        for (String id : new String[] {"CUST-CHURN-001:3", "A".repeat(80) + ":99999", "X:1", "M-" + "9".repeat(60) + ":2"}) {
            String name = ChallengerDeployment.variantNameOf(id);
            assertThat(AwsModelShapes.SAGEMAKER.violations("UpdateEndpointWeightsAndCapacities",
                    "{\"EndpointName\": \"e\", \"DesiredWeightsAndCapacities\": [{\"VariantName\": \"" + name + "\","
                            + " \"DesiredWeight\": 0.1}]}")).as(name).isEmpty();
            assertThat(AwsModelShapes.SAGEMAKER.violations("DescribeModel", "{\"ModelName\": \"" + name + "\"}"))
                    .as("the model name is the variant name").isEmpty();
        }
    }

    @Test
    void somethingThatIsNoVersionIdIsRefused() {
        assertThatThrownBy(() -> ChallengerDeployment.variantNameOf("CUST-CHURN-001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChallengerDeployment.variantNameOf("CUST:")).isInstanceOf(IllegalArgumentException.class);
    }
}
