package org.modelgov.policy;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.modelgov.workflow.dmn.ParsedOnceFeelEngineFactory;

/**
 * One DMN file of processes/ evaluated by Camunda's standalone DMN engine, remembering which rules matched so a test
 * can prove every rule is exercised. Every evaluation also runs on ModelGov's parse-once FEEL engine (what the process
 * engine uses, {@link ParsedOnceFeelEngineFactory}) and must give the stock engine's result.
 */
final class DecisionTables {

    private final DmnEngine engine;
    private final DmnEngine parsedOnceEngine;
    private final DmnDecision parsedOnceDecision;
    private final DmnDecision decision;
    private final DmnModelInstance model;
    private final Set<String> matchedRules = new HashSet<>();

    DecisionTables(String resource, String decisionKey) {
        DmnDecisionTableEvaluationListener recorder = (DmnDecisionTableEvaluationEvent event) -> {
            for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                matchedRules.add(rule.getId());
            }
        };
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
        engine = configuration.buildEngine();
        try (InputStream in = stream(resource)) {
            model = Dmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        decision = engine.parseDecision(decisionKey, model);
        DefaultDmnEngineConfiguration parsedOnce =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        parsedOnce.feelEngineFactory(new ParsedOnceFeelEngineFactory(parsedOnce));
        parsedOnceEngine = parsedOnce.buildEngine();
        parsedOnceDecision = parsedOnceEngine.parseDecision(decisionKey, model);
    }

    private static InputStream stream(String resource) {
        InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        return in;
    }

    DmnDecisionResult evaluate(Map<String, Object> inputs) {
        DmnDecisionResult stock = engine.evaluateDecision(decision, inputs);
        DmnDecisionResult parsedOnce = parsedOnceEngine.evaluateDecision(parsedOnceDecision, inputs);
        if (!parsedOnce.getResultList().equals(stock.getResultList())) {
            throw new AssertionError("the parse-once FEEL engine answered " + parsedOnce.getResultList() + " where the"
                    + " stock engine answered " + stock.getResultList() + " for " + inputs);
        }
        return stock;
    }

    Set<String> allRuleIds() {
        Set<String> ids = new HashSet<>();
        model.getModelElementsByType(Rule.class).forEach(rule -> ids.add(rule.getId()));
        return ids;
    }

    Set<String> matchedRules() {
        return matchedRules;
    }
}
