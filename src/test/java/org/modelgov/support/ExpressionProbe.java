package org.modelgov.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean that an injected JUEL expression would call ({@code ${expressionProbe.hit()}}): if the
 * count moves, the engine evaluated an attacker's expression. Lives in test code, so only tests have it.
 */
@Component("expressionProbe")
public class ExpressionProbe {

    private final AtomicInteger hits = new AtomicInteger();

    public String hit() {
        hits.incrementAndGet();
        return "probe";
    }

    public int hits() {
        return hits.get();
    }
}
