package org.modelgov.workflow;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.modelgov.incident.IncidentService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of incident-response.bpmn, each one step of {@link IncidentService}. */
@Configuration(proxyBeanMethods = false)
class IncidentDelegates {

    private final IncidentService incidents;

    IncidentDelegates(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Bean
    JavaDelegate recordDetection() {
        return execution -> incidents.detect(incidentId(execution));
    }

    @Bean
    JavaDelegate containIncident() {
        return execution -> incidents.contain(incidentId(execution));
    }

    @Bean
    JavaDelegate restoreService() {
        return execution -> incidents.restore(incidentId(execution));
    }

    @Bean
    JavaDelegate startRegulatoryClock() {
        return execution -> {
            IncidentService.RegulatoryClock clock = incidents.startRegulatoryClock(incidentId(execution),
                    (String) execution.getVariable("reportWithin"));
            execution.setVariable("reportDueAt", Date.from(clock.dueAt()));
            execution.setVariable("reportHalfwayAt", Date.from(clock.halfwayAt()));
            execution.setVariable("reportNinetyPercentAt", Date.from(clock.ninetyPercentAt()));
        };
    }

    /** One notification per timer firing: the execution of the timer's path is the deduplication key. */
    @Bean
    JavaDelegate escalateIncident() {
        return execution -> incidents.escalate(incidentId(execution), (String) execution.getVariableLocal("escalation"),
                execution.getId());
    }

    @Bean
    JavaDelegate closeIncident() {
        return execution -> incidents.close(incidentId(execution));
    }

    /** Every incident response has the incident id as business key; no variable can change it. */
    static String incidentId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

}
