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
import org.modelgov.workflow.guard.ConcurrentChangeRefused;
import org.modelgov.workflow.guard.EngineCallRefused;
import org.modelgov.workflow.guard.Refusals;
import org.modelgov.workflow.guard.TaskNotFound;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps an exception from a task listener ("ENGINE-03051 ... invoking the TaskListener") and the REST
 * API then answers 500. A governance refusal is the caller's mistake: these mappers find one in the cause chain
 * ({@link Refusals}) and answer with just its reason: 403 for a call only administrators may make, 404 for an
 * unknown task, 409 for a task someone else completed at the same moment, 400 for a broken rule. Everything else
 * goes to Camunda's own handlers unchanged. (The webapps' own API answers the same refusals 403 or 400.)
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

    /** A governance refusal in the cause chain and the status it deserves, or null. */
    record Refusal(Response.Status status, String message) {
    }

    static Refusal refusal(Throwable e) {
        RuntimeException t = Refusals.find(e);
        if (t == null) {
            return null;
        }
        Response.Status status = t instanceof EngineCallRefused ? Response.Status.FORBIDDEN
                : t instanceof TaskNotFound ? Response.Status.NOT_FOUND
                : t instanceof ConcurrentChangeRefused ? Response.Status.CONFLICT
                : Response.Status.BAD_REQUEST;
        return new Refusal(status, t.getMessage());
    }

    static Response answer(Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.status() == Response.Status.FORBIDDEN ? "AuthorizationException"
                : "GovernanceRuleViolation");
        body.put("message", refusal.message());
        body.put("code", null);
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Task completions are wrapped in a RestException (500) by the task resource. */
    @Priority(1)
    public static class RefusedRestCall implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            Refusal refusal = refusal(e);
            return refusal != null ? answer(refusal) : camunda.toResponse(e);
        }
    }

    /** Claims and starts reach the API as the engine's exception. */
    @Priority(1)
    public static class RefusedEngineCall implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            Refusal refusal = refusal(e);
            return refusal != null ? answer(refusal) : camunda.toResponse(e);
        }
    }
}
