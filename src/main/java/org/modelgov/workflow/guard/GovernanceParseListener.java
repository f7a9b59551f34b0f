package org.modelgov.workflow.guard;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts {@link TaskRoleGuard} first on every user task of every deployed process, whatever its BPMN says, and after
 * it, on create, the listener that writes the task's display facts and description.
 */
final class GovernanceParseListener extends AbstractBpmnParseListener {

    private final TaskListener guard;
    private final TaskListener display;

    GovernanceParseListener(TaskListener guard, TaskListener display) {
        this.guard = guard;
        this.display = display;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
            return;
        }
        TaskDefinition definition = behavior.getTaskDefinition();
        for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                TaskListener.EVENTNAME_COMPLETE)) {
            definition.addBuiltInTaskListener(event, guard);
        }
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, display);
    }
}
