package org.modelgov.workflow.guard;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** A completion of a task that does not exist (or is already done). The engine REST API answers 404. */
public class TaskNotFound extends FormFieldValidationException {

    public TaskNotFound(String taskId) {
        super("task", "No open task " + taskId + ": it does not exist or has already been completed");
    }
}
