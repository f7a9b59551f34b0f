package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskCreatedNotifierTest {

    @Test
    void aVersionBusinessKeyNamesItsModel() {
        assertThat(TaskCreatedNotifier.modelIdOf("CUST-CHURN-001:3")).isEqualTo("CUST-CHURN-001");
        assertThat(TaskCreatedNotifier.modelIdOf("CUST-CHURN-001")).isEqualTo("CUST-CHURN-001");
    }

    @Test
    void noOrOverlongBusinessKeyNamesNoModel() {
        assertThat(TaskCreatedNotifier.modelIdOf(null)).isNull();
        assertThat(TaskCreatedNotifier.modelIdOf(" ")).isNull();
        assertThat(TaskCreatedNotifier.modelIdOf("X".repeat(65))).isNull();
    }
}
