package org.modelgov.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.ProcessTests;

/** Every path of inventory-attestation.bpmn; the class must cover all of it. */
@Deployment(resources = {"inventory-attestation.bpmn", "attest-inventory-record.form"})
class InventoryAttestationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();

    @BeforeEach
    void useThisEngine() {
        // the Spring tests' engine lives in the same JVM; assertions must use this one
        BpmnAwareTests.init(engine.getProcessEngine());
        // the real listener records the attestation; here the completion's variables route as they are
        Mocks.register("attestationListener", (TaskListener) task -> { });
    }

    @AfterEach
    void forgetEngine() {
        BpmnAwareTests.reset();
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("InventoryAttestationProcess", "CUST-CHURN-001");
    }

    @Test
    void theOwnersAttestationEndsAsAttested() {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("Task_AttestInventoryRecord");
        assertThat(task()).hasCandidateGroup("model-owners");
        Task withForm = taskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
                .singleResult();
        org.assertj.core.api.Assertions.assertThat(withForm.getCamundaFormRef().getKey())
                .isEqualTo("attest-inventory-record");
        org.assertj.core.api.Assertions.assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
        complete(task(), Map.of("recordAccurate", true, "attestationComments", "Checked"));

        assertThat(instance).isEnded().hasPassed("EndEvent_RecordAttested");
    }

    @Test
    void anInaccurateRecordEndsWithCorrectionsRequested() {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("Task_AttestInventoryRecord");
        complete(task(), Map.of("recordAccurate", false, "attestationComments", "Wrong endpoint"));

        assertThat(instance).isEnded().hasPassed("EndEvent_CorrectionsRequested");
        assertThat(instance).hasNotPassed("EndEvent_RecordAttested");
    }
}
