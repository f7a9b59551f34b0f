package org.modelgov.workflow.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/** The guard reads Camunda's commands by their field names; a Camunda upgrade that renames one fails here first. */
class EngineCommandsTest {

    @Test
    void aCompletionsTaskAndVariablesAreRead() {
        CompleteTaskCmd complete = new CompleteTaskCmd("task-1", Map.of("signOffDecision", "APPROVE"), true, false);
        assertThat(EngineCommands.taskId(complete)).isEqualTo("task-1");
        assertThat(EngineCommands.completionVariables(complete)).containsEntry("signOffDecision", "APPROVE");
        assertThat(EngineCommands.returnVariables(complete)).isTrue();
        assertThat(EngineCommands.deserializeValues(complete)).isFalse();

        SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-2", Map.of("technicalDecision", "APPROVED"), false,
                true);
        assertThat(EngineCommands.taskId(submit)).isEqualTo("task-2");
        assertThat(EngineCommands.completionVariables(submit)).containsEntry("technicalDecision", "APPROVED");
        assertThat(EngineCommands.deserializeValues(submit)).isTrue();
    }

    @Test
    void aStartsDefinitionFlagsAndVariablesAreRead() {
        ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
                .createProcessInstanceByKey(null, "ModelLifecycleProcess").setVariable("modelId", "M-1");
        assertThat(EngineCommands.instantiation(new StartProcessInstanceCmd(builder))).isSameAs(builder);

        SubmitStartFormCmd form = new SubmitStartFormCmd("definition-1", null, Map.of("modelId", "M-1"));
        assertThat(EngineCommands.startFormDefinitionId(form)).isEqualTo("definition-1");
        assertThat(EngineCommands.startFormVariables(form)).containsEntry("modelId", "M-1");
    }

    @Test
    void anAdministratorsCommandIsDescribedForTheAuditLog() {
        var set = new SetExecutionVariablesCmd("instance-1", Map.of("note", "x"), false);
        assertThat(EngineCommands.targets(set)).containsEntry("entityId", "instance-1");
        assertThat(EngineCommands.targets(set).get("variables").toString()).isEqualTo("[note]");
    }
}
