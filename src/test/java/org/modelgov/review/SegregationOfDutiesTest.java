package org.modelgov.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Independence and four eyes as plain rules (the engine applies them through ReviewDecisionListener). */
class SegregationOfDutiesTest {

    private final Participants people = new Participants(Set.of("olivia", "registrar"), Set.of("vera"),
            Set.of("ada"));

    @Test
    void theModelsOwnPeopleAnswerForItAndNobodyElse() {
        assertThat(SegregationOfDuties.refusal(ReviewKind.RISK_QUESTIONNAIRE, "olivia", "M:1", people)).isEmpty();
        assertThat(SegregationOfDuties.refusal(ReviewKind.REMEDIATION, "registrar", "M:1", people)).isEmpty();
        assertThat(SegregationOfDuties.refusal(ReviewKind.RISK_QUESTIONNAIRE, "rafael", "M:1", people))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not the owner or registrant"));
    }

    @Test
    void ownersAndRegistrantsNeitherReviewNorValidateNorSignOff() {
        for (ReviewKind kind : new ReviewKind[] {ReviewKind.RISK_TIER_REVIEW, ReviewKind.TECHNICAL_VALIDATION,
                ReviewKind.ETHICAL_VALIDATION, ReviewKind.BUSINESS_VALIDATION, ReviewKind.SIGN_OFF,
                ReviewKind.REASSESSMENT, ReviewKind.REPEATED_FAILURE_DECISION}) {
            assertThat(SegregationOfDuties.refusal(kind, "olivia", "M:1", people)).as(kind.name())
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith("Independence"));
            assertThat(SegregationOfDuties.refusal(kind, "registrar", "M:1", people)).as(kind.name()).isPresent();
        }
    }

    @Test
    void aValidatorDoesNotSignOffAndNoApproverApprovesTwice() {
        assertThat(SegregationOfDuties.refusal(ReviewKind.SIGN_OFF, "vera", "M:1", people))
                .hasValueSatisfying(reason -> assertThat(reason).contains("validated"));
        assertThat(SegregationOfDuties.refusal(ReviewKind.SIGN_OFF, "ada", "M:1", people))
                .hasValueSatisfying(reason -> assertThat(reason).contains("already approved"));
        assertThat(SegregationOfDuties.refusal(ReviewKind.SIGN_OFF, "alan", "M:1", people)).isEmpty();
        // validating twice is fine; only sign-off is four-eyed against validation
        assertThat(SegregationOfDuties.refusal(ReviewKind.ETHICAL_VALIDATION, "vera", "M:1", people)).isEmpty();
    }
}
