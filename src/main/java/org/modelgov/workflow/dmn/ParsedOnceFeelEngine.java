package org.modelgov.workflow.dmn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.AtLeastOne;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.UnaryTestExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValNull$;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;

/**
 * Camunda's FEEL engine, parsing each expression text once and answering the commonest DMN cells without the
 * interpreter. The stock engine parses a cell's text on every evaluation and builds every built-in function anew for
 * each cell it evaluates, which made a four-rule policy table a quarter of the CPU of a lifecycle's first job.
 * The shortcuts answer exactly what the stock engine would: a parsed expression is an immutable syntax tree and
 * parsing depends only on the text, so a cached result (a failure too) is what parsing again would give; a literal
 * output (string, number, boolean, null) evaluates to its own value in any context, mapped to Java by the same value
 * mapper; a string input tested against string literals ({@code "HIGH"}, {@code "LOW","MEDIUM"}) matches when it
 * equals one of them, and {@code -} matches anything. Everything else is evaluated by the stock engine.
 */
final class ParsedOnceFeelEngine extends FeelEngine {

    /** DMN cells are finite; the bound only stops texts that arrive from elsewhere from growing the cache. */
    static final int MAX_CACHED = 10_000;

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsedOnceFeelEngine(FeelEngine stock) {
        super(stock.functionProvider(), stock.valueMapper(), stock.configuration(), stock.clock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
        return parsedOnce(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
        return parsedOnce(unaryTests, expression, super::parseUnaryTests);
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
        Either<Failure, ParsedExpression> parsed = parseExpression(expression);
        if (parsed instanceof Right<Failure, ParsedExpression> right) {
            Val literal = literalValue(right.value().expression());
            if (literal != null) {
                return new Right<>(valueMapper().unpackVal(literal));
            }
        }
        return super.evalExpression(expression, context);
    }

    /**
     * The answer of a unary test that needs no interpreter: {@code -} (any input), or string literals tested against
     * a string input. Null when the stock engine must evaluate it (other tests, or an input that is not a string,
     * where FEEL's typing rules decide).
     */
    Boolean literalUnaryTest(String test, Object input) {
        if (!(parseUnaryTests(test) instanceof Right<Failure, ParsedExpression> right)) {
            return null;
        }
        Exp tree = right.value().expression();
        if (tree instanceof ConstBool any) {
            return any.value();
        }
        if (!(input instanceof String value)) {
            return null;
        }
        if (tree instanceof UnaryTestExpression single) {
            return literalEquals(single, value);
        }
        if (tree instanceof AtLeastOne alternatives) {
            boolean matched = false;
            for (var it = alternatives.xs().iterator(); it.hasNext(); ) {
                Boolean equal = it.next() instanceof UnaryTestExpression single ? literalEquals(single, value) : null;
                if (equal == null) {
                    return null;
                }
                matched |= equal;
            }
            return matched;
        }
        return null;
    }

    private static Boolean literalEquals(UnaryTestExpression test, String input) {
        return test.exp() instanceof ConstString literal ? literal.value().equals(input) : null;
    }

    /** What FeelInterpreter answers for a literal, or null for anything that needs the interpreter. */
    private static Val literalValue(Exp expression) {
        if (expression instanceof ConstString text) {
            return new ValString(text.value());
        }
        if (expression instanceof ConstNumber number) {
            return new ValNumber(number.value());
        }
        if (expression instanceof ConstBool bool) {
            return new ValBoolean(bool.value());
        }
        if (expression == ConstNull$.MODULE$) {
            return ValNull$.MODULE$;
        }
        return null;
    }

    int cachedTexts() {
        return expressions.size() + unaryTests.size();
    }

    private static Either<Failure, ParsedExpression> parsedOnce(Map<String, Either<Failure, ParsedExpression>> cache,
            String text, Function<String, Either<Failure, ParsedExpression>> parse) {
        Either<Failure, ParsedExpression> parsed = cache.get(text);
        if (parsed == null) {
            parsed = parse.apply(text);
            if (cache.size() < MAX_CACHED) {
                cache.putIfAbsent(text, parsed);
            }
        }
        return parsed;
    }
}
