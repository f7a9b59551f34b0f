package org.modelgov.workflow.guard;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;

/**
 * Reads what a Camunda command carries. The commands keep it in protected fields without getters; the names are
 * those of Camunda 7.24 (EngineCommandsTest fails at once should an upgrade rename one).
 */
final class EngineCommands {

    private EngineCommands() {
    }

    static String taskId(Object command) {
        return (String) read(command, "taskId");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> completionVariables(Object command) {
        if (command instanceof CompleteTaskCmd) {
            return (Map<String, Object>) read(command, "variables");
        }
        if (command instanceof SubmitTaskFormCmd) {
            return (Map<String, Object>) read(command, "properties");
        }
        throw new IllegalArgumentException("not a task completion: " + command.getClass().getName());
    }

    static boolean returnVariables(Object command) {
        return (Boolean) read(command, "returnVariables");
    }

    static boolean deserializeValues(Object command) {
        return (Boolean) read(command, command instanceof CompleteTaskCmd ? "deserializeReturnedVariables"
                : "deserializeValues");
    }

    static ProcessInstantiationBuilderImpl instantiation(Object command) {
        return (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
    }

    static String startFormDefinitionId(SubmitStartFormCmd command) {
        return (String) read(command, "processDefinitionId");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> startFormVariables(SubmitStartFormCmd command) {
        return (Map<String, Object>) read(command, "variables");
    }




    /** Fields that say what an administrator's command acted on, for the audit log (those the command has). */
    static Map<String, Object> targets(Object command) {
        Map<String, Object> found = new java.util.LinkedHashMap<>();
        for (String name : java.util.List.of("taskId", "entityId", "processInstanceId", "executionId", "jobId",
                "jobDefinitionId", "processDefinitionId", "processDefinitionKey", "messageName", "variableName", "variableNames",
                "retries", "deploymentId", "batchId", "incidentId", "userId", "groupId")) {
            Object value = find(command, name);
            if (value != null) {
                String text = String.valueOf(value);
                found.put(name, text.length() > 500 ? text.substring(0, 500) + "…" : text);
            }
        }
        for (String name : java.util.List.of("variables", "modifications")) {
            if (find(command, name) instanceof Map<?, ?> map) {
                found.put(name, new java.util.TreeSet<>(map.keySet().stream().map(String::valueOf).toList()));
            }
        }
        return found;
    }

    private static Object find(Object command, String name) {
        try {
            return read(command, name);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Object read(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + ": the Camunda version changed, check EngineCommands");
    }
}
