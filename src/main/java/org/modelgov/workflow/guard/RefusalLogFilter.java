package org.modelgov.workflow.guard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A governance refusal is the caller's mistake, answered with a 4xx and logged once, in one line, by
 * {@link GovernanceCommandGuard}. Camunda would also log it as an ERROR with a stack trace ("ENGINE-16004 Exception
 * while closing command context"); this filter drops those copies and nothing else.
 */
@Component
final class RefusalLogFilter extends TurboFilter {

    RefusalLogFilter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof RefusalLogFilter)) {
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda")) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        return Refusals.find(thrown) != null ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

}
