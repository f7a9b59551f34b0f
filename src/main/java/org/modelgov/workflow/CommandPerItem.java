package org.modelgov.workflow;

import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.modelgov.common.EachItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each item of a step that runs inside a job, in a command and transaction of its own. Inside a job, engine calls
 * join the job's command (and would be written with the job, not with the item); a new command per item keeps
 * each item's engine work (an incident response started) and its database work together: both commit, or both
 * roll back while the other items go on.
 */
final class CommandPerItem implements EachItem {

    private static final Logger log = LoggerFactory.getLogger(CommandPerItem.class);

    private final CommandExecutor requiresNew;

    CommandPerItem(ProcessEngine engine) {
        this.requiresNew = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequiresNew();
    }

    @Override
    public boolean run(String item, BooleanSupplier work) {
        try {
            return Boolean.TRUE.equals(requiresNew.execute(commandContext -> work.getAsBoolean()));
        } catch (RuntimeException e) {
            log.warn("{} failed and was rolled back; the others go on: {}", item, e.toString(), e);
            return false;
        }
    }
}
