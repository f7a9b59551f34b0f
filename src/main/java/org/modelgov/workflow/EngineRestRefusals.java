package org.modelgov.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps an exception from a task listener ("ENGINE-03051 ... invoking the TaskListener") and the REST
 * API then answers 500. A governance refusal is the caller's mistake: these mappers find a
 * {@link GovernanceRuleViolation} in the cause chain and answer 400 with just its reason; everything else goes to
 * Camunda's own handlers unchanged.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                register(RefusedRestCall.class);
                register(RefusedEngineCall.class);
            }
        };
    }

    static GovernanceRuleViolation refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GovernanceRuleViolation violation) {
                return violation;
            }
        }
        return null;
    }

    static Response badRequest(GovernanceRuleViolation violation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GovernanceRuleViolation");
        body.put("message", violation.getMessage());
        body.put("code", null);
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Task completions are wrapped in a RestException (500) by the task resource. */
    @Priority(1)
    public static class RefusedRestCall implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            GovernanceRuleViolation violation = refusal(e);
            return violation != null ? badRequest(violation) : camunda.toResponse(e);
        }
    }

    /** Claims and starts reach the API as the engine's exception. */
    @Priority(1)
    public static class RefusedEngineCall implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            GovernanceRuleViolation violation = refusal(e);
            return violation != null ? badRequest(violation) : camunda.toResponse(e);
        }
    }
}
