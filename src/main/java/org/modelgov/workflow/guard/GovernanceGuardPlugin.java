package org.modelgov.workflow.guard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.audit.AuditTrail;
import org.modelgov.workflow.TaskDisplayListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs ModelGov's trust boundary in the engine: {@link GovernanceCommandGuard} before every command callers
 * send, and {@link TaskRoleGuard} on every user task through {@link GovernanceParseListener}. Both are engine
 * mechanisms, so the engine REST API, the webapps' API and the Java API are checked alike.
 */
@Component
class GovernanceGuardPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<AuditTrail> audit;
    private final ObjectProvider<TaskDisplayListener> display;
    private final FormCatalog forms = FormCatalog.load();

    GovernanceGuardPlugin(ObjectProvider<AuditTrail> audit, ObjectProvider<TaskDisplayListener> display) {
        this.audit = audit;
        this.display = display;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        AuditTrail lazyAudit = (actor, action, type, id, details) -> audit.getObject().record(actor, action, type, id,
                details);
        List<CommandInterceptor> before = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            before.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        before.add(new GovernanceCommandGuard(forms, configuration.getIdentityService(),
                new AdminActionAudit(lazyAudit)));
        configuration.setCustomPreCommandInterceptorsTxRequired(before);

        List<BpmnParseListener> parseListeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        // the display listener reads ModelGov's services, which exist only once the engine does: looked up lazily
        TaskListener lazyDisplay = task -> display.getObject().notify(task);
        parseListeners.add(new GovernanceParseListener(new TaskRoleGuard(configuration.getIdentityService(), forms),
                lazyDisplay));
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
}
