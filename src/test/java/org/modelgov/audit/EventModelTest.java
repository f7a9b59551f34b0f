package org.modelgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventModelTest {

    @Test
    void anEventBelongsToTheModelItsEntityNames() {
        Map<String, Object> report = Map.of("reportId", "3f6c");
        assertThat(EventModel.of("MODEL", "CREDIT-1", Map.of())).isEqualTo("CREDIT-1");
        assertThat(EventModel.of("MODEL_VERSION", "CREDIT-1:2", Map.of())).isEqualTo("CREDIT-1");
        assertThat(EventModel.of("INCIDENT", "CREDIT-1:INC-7", Map.of())).isEqualTo("CREDIT-1");
        assertThat(EventModel.of("EVIDENCE_REPORT", "CREDIT-1", report)).isEqualTo("CREDIT-1");
        assertThat(EventModel.of("EVIDENCE_REPORT", "3f6c", report)).as("a report without a model").isNull();
        assertThat(EventModel.of("ENGINE", "deployment", Map.of())).as("engine administration").isNull();
        assertThat(EventModel.of("MODEL_VERSION", "no-colon", Map.of())).isNull();
    }
}
