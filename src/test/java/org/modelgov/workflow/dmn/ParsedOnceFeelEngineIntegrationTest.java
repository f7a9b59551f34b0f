package org.modelgov.workflow.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The running engine evaluates its DMN tables with the parse-once FEEL engine, with the policy's own answers. */
@ModelGovIntegrationTest
class ParsedOnceFeelEngineIntegrationTest {

    @Autowired
    private ProcessEngine engine;

    @Autowired
    private DecisionService decisions;

    @Test
    void theEngineEvaluatesDecisionsWithTheParseOnceFeelEngine() {
        DefaultDmnEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration();
        assertThat(dmn.getFeelEngineFactory()).isInstanceOf(ParsedOnceFeelEngineFactory.class);

        for (int time = 0; time < 2; time++) {
            var high = decisions.evaluateDecisionTableByKey("GovernancePolicy",
                    Variables.createVariables().putValue("riskTier", "HIGH")).getSingleResult();
            assertThat(high.getEntryMap()).containsEntry("requiredApprovals", 2).containsEntry("taskDeadline", "P3D")
                    .containsEntry("maxFailedValidationRounds", 3).containsEntry("explainabilityRequired", true);
            var unassessed = decisions.evaluateDecisionTableByKey("GovernancePolicy",
                    Variables.createVariables().putValue("riskTier", "UNASSESSED")).getSingleResult();
            assertThat(unassessed.getEntryMap()).containsEntry("requiredApprovals", 1)
                    .containsEntry("taskDeadline", "P5D").containsEntry("explainabilityRequired", false);
        }
    }
}
