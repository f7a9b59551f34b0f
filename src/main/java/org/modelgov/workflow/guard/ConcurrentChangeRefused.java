package org.modelgov.workflow.guard;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** Two people completed the same task at once: the other one's completion won. The engine REST API answers 409. */
public class ConcurrentChangeRefused extends FormFieldValidationException {

    public ConcurrentChangeRefused() {
        super("task", "Someone else completed or changed this task at the same moment; nothing of yours was saved."
                + " Reload the task list.");
    }
}
