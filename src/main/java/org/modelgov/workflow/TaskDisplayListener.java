package org.modelgov.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the creation of every user task (registered for all of them by the guard's BPMN parse listener): writes the
 * task's display facts ({@link TaskDisplayFacts}) as task-local variables and sets its description from
 * {@link TaskDescriptions}. Runs inside the engine, so it may write what the guard refuses to people.
 */
@Component
public class TaskDisplayListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskDisplayListener.class);

    private final TaskDisplayFacts facts;
    private final TaskDescriptions descriptions = TaskDescriptions.load();
    private final TransactionTemplate savepoint;

    TaskDisplayListener(TaskDisplayFacts facts, PlatformTransactionManager transactions) {
        this.facts = facts;
        // a savepoint: if reading the facts fails, the task is still created (without them), never rolled back
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.savepoint.setReadOnly(true);
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
            return;
        }
        String taskKey = task.getTaskDefinitionKey();
        String businessKey = task.getExecution().getProcessBusinessKey();
        Map<String, String> runIds = new HashMap<>();
        for (String name : new String[] {"validationRunId", "reassessmentRunId"}) {
            if (task.getExecution().getVariable(name) instanceof String id) {
                runIds.put(name, id);
            }
        }
        try {
            savepoint.executeWithoutResult(status -> facts.subject(taskKey, businessKey).ifPresentOrElse(subject -> {
                task.setVariablesLocal(facts.facts(taskKey, subject, runIds));
                task.setDescription(descriptions.describe(taskKey, task.getName(), subject.placeholders()));
            }, () -> task.setDescription(descriptions.describe(taskKey, task.getName(), Map.of()))));
        } catch (RuntimeException e) {
            log.warn("Task {} ({}) of {} is shown without its facts: {}", task.getId(), taskKey, businessKey,
                    e.toString());
            task.setDescription(descriptions.describe(taskKey, task.getName(), Map.of()));
        }
    }
}
