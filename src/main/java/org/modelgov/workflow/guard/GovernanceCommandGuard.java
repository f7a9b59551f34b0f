package org.modelgov.workflow.guard;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.modelgov.common.GovernanceRole;
import org.modelgov.common.PlainText;
import org.modelgov.workflow.GovernanceRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's trust boundary. Every command a caller sends to the engine (engine REST API, Tasklist's and
 * Cockpit's own API, Java API) passes here before it runs; commands the engine runs for itself inside another
 * command (listeners, delegates, the job executor's work) and calls without a logged-in user (ModelGov's own
 * services) are ModelGov's code and pass.
 * <ul>
 *   <li>A task completion, by anyone, carries only the editable fields of the task's Camunda Form, as plain values;
 *       they become variables of the task itself, never of the process, so no submission can set or shadow a
 *       variable another step reads.</li>
 *   <li>A logged-in user who is not a governance administrator may read, start an entry-point process at its start
 *       event with only its start form's fields, claim, assign, delegate, complete and comment on tasks, and
 *       manage their own filters and profile (Camunda's authorizations decide those). Everything else (start
 *       instructions, skipped listeners or I/O mappings, internal processes, variable writes, messages, signals,
 *       modification, migration, jobs, deletion, identity links) is refused with 403 and changes nothing.</li>
 *   <li>Governance administrators keep Cockpit's repair tools; each such call is audited with their name.</li>
 * </ul>
 * Refusals raised inside the command (task listeners) reach the caller unwrapped, so both REST layers answer 400
 * with the rule's sentence instead of Camunda's wrapped 500.
 */
final class GovernanceCommandGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(GovernanceCommandGuard.class);

    /** The processes people start; the others are started by ModelGov's own steps. */
    static final Set<String> ENTRY_POINTS = Set.of("ModelLifecycleProcess", "IncidentResponseProcess");

    /** Writes a non-administrator may send; Camunda's authorizations and ModelGov's task listeners check them. */
    private static final Set<String> USER_WRITES = Set.of("ClaimTaskCmd", "AssignTaskCmd", "DelegateTaskCmd",
            "AddCommentCmd", "CreateFilterCmd", "SaveFilterCmd", "DeleteFilterCmd", "SaveUserCmd", "CheckPassword",
            "AuthorizationCheckCmd");

    private final FormCatalog forms;
    private final IdentityService identity;
    private final AdminActionAudit adminAudit;

    GovernanceCommandGuard(FormCatalog forms, IdentityService identity, AdminActionAudit adminAudit) {
        this.forms = forms;
        this.identity = identity;
        this.adminAudit = adminAudit;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            // a command inside a command: the engine or ModelGov's listeners and delegates at work
            return next.execute(command);
        }
        Authentication user = identity.getCurrentAuthentication();
        boolean person = user != null && user.getUserId() != null;
        boolean administrator = person && isAdministrator(user);
        Command<T> checked = command;
        if (isCompletion(command)) {
            checked = formOnlyCompletion(command);
        } else if (person && !administrator) {
            checked = checkedForUser(command, user);
        } else if (administrator && !isRead(command)) {
            checked = adminAudit.audited(command, user.getUserId());
        }
        try {
            return next.execute(checked);
        } catch (OptimisticLockingException e) {
            // the job executor expects these and retries; a person completing a task gets a plain answer
            throw checked != command && isCompletion(command) ? new ConcurrentChangeRefused() : e;
        } catch (AuthorizationException e) {
            // two people completing one task: the second may read the task before the first commits and its
            // authorizations after (deleted with the task), so Camunda refuses it: that is a conflict, not a 403
            if (isCompletion(command) && !(e instanceof EngineCallRefused) && completedMeanwhile(command)) {
                throw new ConcurrentChangeRefused();
            }
            throw plain(e);
        } catch (RuntimeException e) {
            throw plain(e);
        }
    }

    /** The task of a refused completion is gone and in history: someone else completed it a moment ago. */
    private boolean completedMeanwhile(Command<?> completion) {
        String taskId = EngineCommands.taskId(completion);
        return taskId != null && Boolean.TRUE.equals(next.execute(context ->
                context.getTaskManager().findTaskById(taskId) == null
                        && context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId) != null));
    }

    private static boolean isCompletion(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    private <T> Command<T> checkedForUser(Command<T> command, Authentication user) {
        if (isRead(command) || USER_WRITES.contains(command.getClass().getSimpleName())) {
            return command;
        }
        if (command instanceof StartProcessInstanceCmd start) {
            ProcessInstantiationBuilderImpl builder = EngineCommands.instantiation(start);
            if (builder.getModificationBuilder().isSkipCustomListeners()
                    || builder.getModificationBuilder().isSkipIoMappings()) {
                throw refused(user, "start a process without its listeners or input/output mappings");
            }
            return checkedStart(command, user, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    builder.getVariables());
        }
        if (command instanceof SubmitStartFormCmd submit) {
            return checkedStart(command, user, EngineCommands.startFormDefinitionId(submit), null,
                    EngineCommands.startFormVariables(submit));
        }
        String name = command.getClass().getSimpleName();
        if (name.equals("StartProcessInstanceAtActivitiesCmd")) {
            throw refused(user, "start a process anywhere but at its start event");
        }
        throw refused(user, describe(name));
    }

    /** A start of an entry-point process, at its start event, with its start form's fields only. */
    private <T> Command<T> checkedStart(Command<T> start, Authentication user, String definitionId,
                                        String definitionKey, Map<String, Object> variables) {
        return commandContext -> {
            var cache = commandContext.getProcessEngineConfiguration().getDeploymentCache();
            ProcessDefinitionEntity definition = definitionId != null
                    ? cache.findDeployedProcessDefinitionById(definitionId)
                    : cache.findDeployedLatestProcessDefinitionByKey(definitionKey);
            if (!ENTRY_POINTS.contains(definition.getKey())) {
                throw new EngineCallRefused("'" + definition.getName() + "' is started by ModelGov itself as part of"
                        + " a governance process, not by hand; start a model lifecycle or report an incident");
            }
            if (!mayStart(definition, user)) {
                throw new EngineCallRefused(user.getUserId() + " may not start '" + definition.getName()
                        + "': it is started by " + starters(definition));
            }
            FormCatalog.Form form = formOf(definition.getStartFormDefinition());
            onlyFormFields(variables, form, "starting '" + definition.getName() + "'");
            return start.execute(commandContext);
        };
    }

    /**
     * The completion runs as one command: the form's fields become task variables, then the task completes
     * without variables of its own, so nothing a person submits is written to the process.
     */
    @SuppressWarnings("unchecked")
    private <T> Command<T> formOnlyCompletion(Command<T> completion) {
        String taskId = EngineCommands.taskId(completion);
        Map<String, Object> submitted = EngineCommands.completionVariables(completion);
        boolean returnVariables = EngineCommands.returnVariables(completion);
        boolean deserialize = EngineCommands.deserializeValues(completion);
        boolean viaForm = completion instanceof SubmitTaskFormCmd;
        return commandContext -> {
            TaskEntity task = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
            if (task == null) {
                boolean done = taskId != null && commandContext.getHistoricTaskInstanceManager()
                        .findHistoricTaskInstanceById(taskId) != null;
                // completed a moment ago by someone else is a conflict; never there is unknown
                throw done ? new ConcurrentChangeRefused() : new TaskNotFound(taskId);
            }
            FormCatalog.Form form = task.getTaskDefinition() == null ? null
                    : formOf(task.getTaskDefinition().getFormDefinition());
            Map<String, Object> fields;
            try {
                fields = onlyFormFields(submitted, form, "completing '" + task.getName() + "'");
            } catch (GovernanceRuleViolation violation) {
                throw refusedCompletion(violation.getMessage());
            }
            if (!fields.isEmpty()) {
                task.setVariablesLocal(fields, false);
            }
            Command<?> plain = viaForm ? new SubmitTaskFormCmd(taskId, Map.of(), returnVariables, deserialize)
                    : new CompleteTaskCmd(taskId, null, returnVariables, deserialize);
            try {
                return (T) plain.execute(commandContext);
            } catch (RuntimeException e) {
                // a rule's sentence names the form's fields by the labels the person sees
                if (plain(e) instanceof GovernanceRuleViolation violation) {
                    throw refusedCompletion(form == null ? violation.getMessage()
                            : form.humanize(violation.getMessage()));
                }
                throw e;
            }
        };
    }

    /** The process's candidate starters (camunda:candidateStarterGroups / Users) say who starts it. */
    private static boolean mayStart(ProcessDefinitionEntity definition, Authentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return definition.getCandidateStarterGroupIdExpressions().stream()
                .anyMatch(e -> groups.contains(e.getExpressionText()))
                || definition.getCandidateStarterUserIdExpressions().stream()
                .anyMatch(e -> user.getUserId().equals(e.getExpressionText()));
    }

    private static String starters(ProcessDefinitionEntity definition) {
        Set<String> who = new TreeSet<>();
        definition.getCandidateStarterGroupIdExpressions().forEach(e -> who.add(e.getExpressionText()));
        definition.getCandidateStarterUserIdExpressions().forEach(e -> who.add(e.getExpressionText()));
        return who.isEmpty() ? "ModelGov only" : String.join(", ", who);
    }

    private FormCatalog.Form formOf(FormDefinition definition) {
        return forms.formOf(definition).orElse(null);
    }

    /**
     * @return the submitted values, refused when any is not an editable field of the form, not a plain value, or
     *     text with a control character or lone surrogate ({@link PlainText}; carriage return only in textareas)
     */
    static Map<String, Object> onlyFormFields(Map<String, Object> submitted, FormCatalog.Form form, String what) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (submitted == null || submitted.isEmpty()) {
            return fields;
        }
        Set<String> foreign = new TreeSet<>();
        Set<String> shownOnly = new TreeSet<>();
        List<String> notPlain = new ArrayList<>();
        List<String> badText = new ArrayList<>();
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            String name = entry.getKey();
            if (form == null || !form.editable().containsKey(name)) {
                if (form != null && form.shown().containsKey(name)) {
                    shownOnly.add(form.label(name));
                } else {
                    foreign.add(name);
                }
                continue;
            }
            Object value = entry.getValue();
            if (value instanceof TypedValue typed) {
                if (typed.getType() != null && !(typed.getType() instanceof PrimitiveValueType)) {
                    notPlain.add(form.label(name));
                    continue;
                }
                value = typed.getValue();
            }
            if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Number
                    || value instanceof Date)) {
                notPlain.add(form.label(name));
                continue;
            }
            String textProblem = value instanceof String text ? PlainText.problem(text, form.multiLine().contains(name))
                    : null;
            if (textProblem != null) {
                badText.add("'" + form.label(name) + "' " + textProblem);
                continue;
            }
            fields.put(name, value);
        }
        List<String> problems = new ArrayList<>();
        if (!foreign.isEmpty()) {
            problems.add((form == null ? "this step has no form fields; not accepted: "
                    : "not fields of this form: ") + String.join(", ", foreign));
        }
        if (!shownOnly.isEmpty()) {
            problems.add("shown on the form, not entered: " + String.join(", ", shownOnly));
        }
        if (!notPlain.isEmpty()) {
            problems.add("must be text, a number, a date or yes/no: " + String.join(", ", notPlain));
        }
        problems.addAll(badText);
        if (!problems.isEmpty()) {
            throw new GovernanceRuleViolation("Refused " + what + ": " + String.join("; ", problems));
        }
        return fields;
    }

    static boolean isRead(Command<?> command) {
        if (command instanceof AbstractQuery) {
            return true;
        }
        String name = command.getClass().getSimpleName();
        // EvaluateStartConditionCmd would start processes: only decisions are evaluated freely
        return name.startsWith("Get") || name.startsWith("Is") || name.startsWith("Execute") && name.contains("Filter")
                || name.startsWith("EvaluateDecision") || name.contains("Query") || name.startsWith("Find");
    }

    private static boolean isAdministrator(Authentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return groups.contains(GovernanceRole.GOVERNANCE_ADMIN.groupId())
                || groups.contains(GovernanceRole.CAMUNDA_ADMIN_GROUP);
    }

    private CompletionRefused refusedCompletion(String reason) {
        Authentication user = identity.getCurrentAuthentication();
        log.info("Refused task completion by {}: {}", user == null ? "(no login)" : user.getUserId(), reason);
        return new CompletionRefused(reason);
    }

    private static EngineCallRefused refused(Authentication user, String what) {
        log.info("Refused engine call by {}: {}", user.getUserId(), what);
        return new EngineCallRefused("Only governance administrators may " + what + " through Camunda's API;"
                + " governance steps change only through their own tasks and ModelGov's API");
    }

    private static String describe(String commandName) {
        String base = commandName.replaceAll("(Cmd|Command)$", "");
        return "do this ('" + base.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + "')";
    }

    /** A refusal from a listener arrives wrapped by the engine; the caller gets the refusal itself. */
    static RuntimeException plain(RuntimeException e) {
        RuntimeException refusal = Refusals.find(e);
        return refusal != null ? refusal : e;
    }
}
