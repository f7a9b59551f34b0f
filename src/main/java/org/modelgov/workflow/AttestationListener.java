package org.modelgov.workflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * An owner's inventory attestation: recorded in the audit log in their name, then, and only then, what the
 * process routes on. The form's fields stay on the task itself (see the engine's trust boundary).
 */
@Component("attestationListener")
class AttestationListener implements TaskListener {

    private final AuditTrail audit;
    private final IdentityService identity;

    AttestationListener(AuditTrail audit, IdentityService identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accurate = Boolean.TRUE.equals(task.getVariableLocal("recordAccurate"));
        String comments = task.getVariableLocal("attestationComments") instanceof String s && !s.isBlank()
                ? s.strip() : null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recordAccurate", accurate);
        details.put("comments", comments == null ? "" : comments);
        audit.record(TaskActor.of(identity, task), "INVENTORY_ATTESTED", "MODEL",
                task.getExecution().getProcessBusinessKey(), details);
        Map<String, Object> routing = new HashMap<>();
        routing.put("recordAccurate", accurate);
        routing.put("attestationComments", comments);
        task.getExecution().setVariables(routing);
    }
}
