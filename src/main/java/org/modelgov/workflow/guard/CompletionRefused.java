package org.modelgov.workflow.guard;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion refused by a governance rule. Camunda's task resource, in the engine REST API and in the
 * webapps' API alike, answers a form validation failure with 400 and its message (any other engine exception
 * there is a 500), so the refusal travels as one.
 */
public class CompletionRefused extends FormFieldValidationException {

    public CompletionRefused(String message) {
        super("governance", message);
    }
}
