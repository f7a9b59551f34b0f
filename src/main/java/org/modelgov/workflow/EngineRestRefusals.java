package org.modelgov.workflow;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.modelgov.common.InternalErrors;
import org.modelgov.common.JsonParserMessages;
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
 * goes to Camunda's own handlers, whose 4xx answers stay; where they would answer 500 with the exception's message
 * (which may quote SQL), the caller gets "internal error" and a correlation id that is in the log. A body the JSON
 * parser cannot read (malformed, or beyond its limits: nesting depth, string, number or name length) is a 400
 * without Jackson's location and Java names. (The webapps' own API answers the same refusals 403 or 400.)
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
                register(OtherFailure.class);
                register(MalformedJson.class);
                register(JsonBeyondLimits.class);
                register(JsonNotFittingTheCall.class);
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
            return refusal != null ? answer(refusal) : withoutInternals(e, camunda::toResponse);
        }
    }

    /** Claims and starts reach the API as the engine's exception. */
    @Priority(1)
    public static class RefusedEngineCall implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            Refusal refusal = refusal(e);
            return refusal != null ? answer(refusal) : withoutInternals(e, camunda::toResponse);
        }
    }

    /** Camunda's answer when it is the caller's mistake (4xx); for its 500s only a correlation id. */
    static <T extends Throwable> Response withoutInternals(T e, ExceptionMapper<T> camunda) {
        if (ExceptionHandlerHelper.getInstance().getStatus(e) != Response.Status.INTERNAL_SERVER_ERROR) {
            return camunda.toResponse(e);
        }
        String id = InternalErrors.logged(e, "an engine REST call");
        return json(Response.Status.INTERNAL_SERVER_ERROR, "InternalError", InternalErrors.message(id));
    }

    private static Response json(Response.Status status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Response badJson(String problem) {
        return json(Response.Status.BAD_REQUEST, "InvalidRequestException", "The request body " + problem);
    }

    /** Whatever else goes wrong: Camunda's generic handler answers 500 with the exception's message. */
    @Priority(1)
    public static class OtherFailure implements ExceptionMapper<Throwable> {
        private final ExceptionHandler camunda = new ExceptionHandler();

        @Override
        public Response toResponse(Throwable e) {
            return withoutInternals(e, camunda);
        }
    }

    @Priority(1)
    public static class MalformedJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return malformed(e);
        }
    }

    private static Response malformed(JsonParseException e) {
        return badJson("is not valid JSON: " + JsonParserMessages.reason(e.getOriginalMessage()));
    }

    /** Camunda has no handler for these: they were 500s. */
    @Priority(1)
    public static class JsonBeyondLimits implements ExceptionMapper<StreamConstraintsException> {
        @Override
        public Response toResponse(StreamConstraintsException e) {
            return beyondLimits(e);
        }
    }

    private static Response beyondLimits(StreamConstraintsException e) {
        return badJson("exceeds the JSON parser's limits: " + JsonParserMessages.reason(e.getOriginalMessage()));
    }

    /**
     * JSON that does not fit the call's parameters; the parser's errors (limits, malformed JSON) inside a value
     * arrive wrapped in these. Jackson's own message names Camunda's classes: the caller gets the field's path.
     */
    @Priority(1)
    public static class JsonNotFittingTheCall implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            if (e.getCause() instanceof StreamConstraintsException limits) {
                return beyondLimits(limits);
            }
            if (e.getCause() instanceof JsonParseException parser) {
                return malformed(parser);
            }
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(java.util.stream.Collectors.joining("."));
            return badJson("does not fit this call" + (path.isEmpty() ? "" : " at '" + path + "'")
                    + ": check the field's type in Camunda's REST API reference");
        }
    }
}
