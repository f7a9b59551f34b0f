package org.modelgov.workflow.dmn;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN evaluation (decision tasks and ModelGov's own policy lookups) Camunda's FEEL engine with
 * {@link ParsedOnceFeelEngine} inside: the same FEEL, value mappers and custom functions as Camunda configures.
 */
@Component
class ParsedOnceFeelEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDmnEngineConfiguration() != null || configuration.isDmnFeelEnableLegacyBehavior()) {
            return; // DMN configured by hand, or the legacy JUEL-based FEEL asked for: leave it as it is
        }
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.feelEngineFactory(new ParsedOnceFeelEngineFactory(dmn));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
