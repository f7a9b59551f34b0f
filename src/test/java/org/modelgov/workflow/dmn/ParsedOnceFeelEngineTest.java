package org.modelgov.workflow.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The parse-once engine answers exactly what Camunda's stock FEEL engine answers, and parses each text once. */
class ParsedOnceFeelEngineTest {

    private final FeelEngine stock = new ScalaFeelEngine(List.of());
    private final ScalaFeelEngine parsedOnce = (ScalaFeelEngine) new ParsedOnceFeelEngineFactory(
            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
            .createInstance();

    private final VariableContext variables = Variables.createVariables().putValue("riskTier", "HIGH")
            .putValue("failedRounds", 3).putValue("score", 0.81).putValue("reviewedOn", LocalDate.of(2026, 12, 2))
            .putValue("groups", List.of("risk-officers", "validators")).asVariableContext();

    @Test
    void expressionsEvaluateAsTheStockEngineDoesEveryTime() {
        // literals (answered without the interpreter) and expressions (evaluated by it) alike
        for (String expression : List.of("\"P5D\"", "\"\"", "\"say \\\"yes\\\"\\n\"", "2", "1.50", "-1",
                "12345678901234567890", "true", "false", "0.8", "failedRounds + 1", "score >= 0.8",
                "if riskTier = \"HIGH\" then \"P3D\" else \"P5D\"", "string length(riskTier)",
                "reviewedOn + duration(\"P90D\")", "count(groups)", "list contains(groups, \"validators\")",
                "{tier: riskTier, rounds: failedRounds}.rounds", "missing", "null")) {
            Object expected = stock.evaluateSimpleExpression(expression, variables);
            for (int time = 0; time < 3; time++) {
                assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, variables))
                        .as("%s, evaluation %d", expression, time + 1).isEqualTo(expected);
            }
        }
    }

    @Test
    void unaryTestsMatchAsTheStockEngineDoesForEveryInput() {
        // string literals and "-" are answered without the interpreter; the rest by it
        for (String test : List.of("\"HIGH\"", "\"LOW\",\"MEDIUM\"", "\"LOW\", \"HIGH\"", "\"\"",
                "\"say \\\"yes\\\"\"", "\"HIGH\", 3", "not(\"HIGH\")", "-", "true", ">= 3", "[1..3)", "> 0.5",
                "? > 2", "null", "3", "\"3\"")) {
            for (Object input : new Object[] {"HIGH", "LOW", "MEDIUM", "", "say \"yes\"", "high", "3", 3, 2, 0.81,
                    true, null}) {
                VariableContext context = Variables.createVariables().putValue("cellInput", input)
                        .putValue("riskTier", "HIGH").asVariableContext();
                boolean expected = matches(stock, test, context);
                assertThat(matches(parsedOnce, test, context)).as("%s for %s", test, input).isEqualTo(expected);
                assertThat(matches(parsedOnce, test, context)).as("%s for %s, again", test, input)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void stringLiteralTestsAndAnyAreAnsweredWithoutTheInterpreter() {
        ParsedOnceFeelEngine engine = (ParsedOnceFeelEngine) feelOf(parsedOnce);
        assertThat(engine.literalUnaryTest("\"HIGH\"", "HIGH")).isTrue();
        assertThat(engine.literalUnaryTest("\"LOW\",\"MEDIUM\"", "MEDIUM")).isTrue();
        assertThat(engine.literalUnaryTest("\"LOW\",\"MEDIUM\"", "HIGH")).isFalse();
        assertThat(engine.literalUnaryTest("-", 42)).isTrue();
        // FEEL's typing decides these: the stock engine evaluates them
        assertThat(engine.literalUnaryTest("\"HIGH\"", 3)).isNull();
        assertThat(engine.literalUnaryTest("\"HIGH\"", null)).isNull();
        assertThat(engine.literalUnaryTest("\"HIGH\", 3", "HIGH")).isNull();
        assertThat(engine.literalUnaryTest("not(\"HIGH\")", "HIGH")).isNull();
        assertThat(engine.literalUnaryTest("riskTier = = 1", "HIGH")).isNull();
    }

    @Test
    void aTextThatDoesNotParseFailsWithTheStockMessageEveryTime() {
        String broken = "riskTier = = \"HIGH\"";
        String expected = failure(stock, broken);
        assertThat(expected).contains("failed to parse expression");
        assertThat(failure(parsedOnce, broken)).isEqualTo(expected);
        assertThat(failure(parsedOnce, broken)).isEqualTo(expected);
    }

    @Test
    void eachTextIsParsedOnceAndTheCacheIsBounded() {
        ParsedOnceFeelEngine engine = (ParsedOnceFeelEngine) feelOf(parsedOnce);
        for (int time = 0; time < 5; time++) {
            parsedOnce.evaluateSimpleExpression("failedRounds * 2", variables);
            parsedOnce.evaluateSimpleUnaryTests("\"HIGH\"", "riskTier", variables);
        }
        assertThat(engine.cachedTexts()).isEqualTo(2);
        for (int n = 0; n < ParsedOnceFeelEngine.MAX_CACHED + 50; n++) {
            assertThat((Object) parsedOnce.evaluateSimpleExpression(n + " + 1", variables)).isEqualTo(n + 1L);
        }
        // each kind of text has its bound: the full expression cache and the one unary test
        assertThat(engine.cachedTexts()).isEqualTo(ParsedOnceFeelEngine.MAX_CACHED + 1);
    }

    private static boolean matches(FeelEngine engine, String test, VariableContext context) {
        try {
            return engine.evaluateSimpleUnaryTests(test, "cellInput", context);
        } catch (RuntimeException e) {
            return false; // both engines must fail alike: compared by the boolean, messages by the test above
        }
    }

    private String failure(FeelEngine engine, String expression) {
        assertThatThrownBy(() -> engine.evaluateSimpleExpression(expression, variables));
        try {
            engine.evaluateSimpleExpression(expression, variables);
            throw new AssertionError("no failure");
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static org.camunda.feel.FeelEngine feelOf(ScalaFeelEngine engine) {
        try {
            var field = ScalaFeelEngine.class.getDeclaredField("feelEngine");
            field.setAccessible(true);
            return (org.camunda.feel.FeelEngine) field.get(engine);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
