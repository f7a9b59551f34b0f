package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.modelgov.audit.AuditTrail;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inside a job (an engine command), each item of CommandPerItem commits or rolls back alone, its engine work
 * (a process started) together with its database work: a failing item leaves neither behind, the next goes on.
 */
@ModelGovIntegrationTest
class CommandPerItemIntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    private void startAndRecord(String key) {
        engine.getRuntimeService().startProcessInstanceByKey("InventoryAttestationProcess", key);
        audit.record("test", "TEST_ITEM", "TEST", key, Map.of());
    }

    @Test
    void aFailingItemLeavesNeitherItsProcessNorItsRowsAndTheOthersGoOn() {
        String failing = "CPI-" + UUID.randomUUID();
        String passing = "CPI-" + UUID.randomUUID();
        CommandPerItem eachItem = new CommandPerItem(engine);
        boolean[] answers = new boolean[2];

        // as the job executor runs a step: inside a command of its own
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> {
                    answers[0] = eachItem.run(failing, () -> {
                        startAndRecord(failing);
                        throw new IllegalStateException("this model fails");
                    });
                    answers[1] = eachItem.run(passing, () -> {
                        startAndRecord(passing);
                        return true;
                    });
                    return null;
                });

        assertThat(answers).containsExactly(false, true);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(failing).count())
                .isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(passing).count())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE entity_id = ?").param(failing)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE entity_id = ?").param(passing)
                .query(Long.class).single()).isEqualTo(1);
    }
}
