package org.modelgov.workflow.guard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.modelgov.audit.AuditTrail;

/**
 * Governance administrators repair processes through Cockpit and the engine REST API (modification, migration,
 * job retries, variables). Each such call is written to ModelGov's audit log with their name, in the same
 * transaction as the change: no repair without its record.
 */
final class AdminActionAudit {

    static final String ACTION = "ENGINE_ADMIN_ACTION";

    private final AuditTrail audit;

    AdminActionAudit(AuditTrail audit) {
        this.audit = audit;
    }

    <T> Command<T> audited(Command<T> command, String administrator) {
        String name = command.getClass().getSimpleName();
        return commandContext -> {
            T result = command.execute(commandContext);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("command", name);
            EngineCommands.targets(command).forEach(details::put);
            audit.record(administrator, ACTION, "ENGINE", name, details);
            return result;
        };
    }
}
