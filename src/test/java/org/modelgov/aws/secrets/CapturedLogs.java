package org.modelgov.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event while open, with the loggers that handle the secret (ours, Hikari's, the SDK's request log) at
 * DEBUG, so that a password written at any level is caught.
 */
final class CapturedLogs implements AutoCloseable {

    private static final List<String> VERBOSE = List.of("org.modelgov.aws.secrets", "com.zaxxer.hikari",
            "software.amazon.awssdk.request", "org.postgresql");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<String, Level> levels = new HashMap<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        for (String name : VERBOSE) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    /** Every message, formatted, with every exception's class and message in its chain. */
    String text() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            all.append(event.getLevel()).append(' ').append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (IThrowableProxy s : t.getSuppressed()) {
                    all.append("  suppressed ").append(s.getClassName()).append(": ").append(s.getMessage()).append('\n');
                }
            }
        }
        return all.toString();
    }

    void assertNoneContains(String... secrets) {
        String text = text();
        for (String secret : secrets) {
            assertThat(text).as("the logs").doesNotContain(secret);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }
}
