package org.modelgov.workflow.dmn;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's FEEL engine factory with {@link ParsedOnceFeelEngine} inside; reads the custom functions when the DMN
 * engine asks for its FEEL engine, after the process engine's configuration has set them.
 */
public final class ParsedOnceFeelEngineFactory extends ScalaFeelEngineFactory {

    private final DefaultDmnEngineConfiguration dmn;

    public ParsedOnceFeelEngineFactory(DefaultDmnEngineConfiguration dmn) {
        this.dmn = dmn;
    }

    @Override
    public org.camunda.bpm.dmn.feel.impl.FeelEngine createInstance() {
        return new ScalaFeelEngine(dmn.getFeelCustomFunctionProviders()) {
            @Override
            protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                                 ValueMapper.CompositeValueMapper valueMapper) {
                return new ParsedOnceFeelEngine(super.buildFeelEngine(functions, valueMapper));
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String test, String inputVariable, VariableContext variables) {
                // the input as the stock engine reads it (ContextVariableWrapper): the variable's plain value
                Object input = variables.containsVariable(inputVariable)
                        ? variables.resolve(inputVariable).getValue() : null;
                Boolean literal = ((ParsedOnceFeelEngine) feelEngine).literalUnaryTest(test, input);
                return literal != null ? literal : super.evaluateSimpleUnaryTests(test, inputVariable, variables);
            }
        };
    }
}
