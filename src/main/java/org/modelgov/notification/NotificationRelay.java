package org.modelgov.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes the outbox's PENDING notifications after the steps that wrote them committed. Each row is claimed with
 * one conditional UPDATE (so of several nodes sharing the database one publishes it, until its claim lapses),
 * published outside any database transaction, then marked SENT in its own statement. A failure keeps the row
 * PENDING with its error and the next attempt backed off; after {@code maxAttempts} it is FAILED. Rows are taken in
 * the order they were written, and a model's row waits while an earlier row of the same model is unsent, so a FIFO
 * topic gets each model's notifications in order; other models are never held up.
 */
@Component
public class NotificationRelay {

    private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);
    private static final int ERROR_MAX = 500;
    private static final String SAME_MODEL = "(e.model_id = o.model_id OR (e.model_id IS NULL AND o.model_id IS NULL))";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<NotificationPublisher> publishers;
    private final NotificationRelayProperties settings;

    public NotificationRelay(JdbcClient jdbc, Clock clock, ObjectProvider<NotificationPublisher> publishers,
                             NotificationRelayProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publishers = publishers;
        this.settings = settings;
    }

    private record Due(String id, Notification notification, int attempts) {
    }

    /**
     * One run: every due row in order, each on its own. Not transactional, and must not be called inside a
     * transaction: a publish must never wait for, or be undone by, a database commit.
     *
     * @return how many notifications went out
     */
    public int publishDue() {
        List<NotificationPublisher> targets = publishers.orderedStream().toList();
        Set<String> heldModels = new HashSet<>();
        int sent = 0;
        for (Due row : due(clock.instant())) {
            String model = Objects.requireNonNullElse(row.notification().modelId(), "");
            // after an earlier row of this model failed or is another relay's, this one waits for a later run
            if (heldModels.contains(model) || !claim(row.id())) {
                heldModels.add(model);
                continue;
            }
            try {
                targets.forEach(publisher -> publisher.publish(row.notification()));
            } catch (RuntimeException e) {
                failed(row, e);
                heldModels.add(model);
                continue;
            }
            jdbc.sql("UPDATE modelgov.notification_outbox SET publish_status = 'SENT', attempts = attempts + 1,"
                            + " published_at = ?, claimed_until = NULL, last_error = NULL WHERE id = ?")
                    .params(OutboxNotificationSender.at(clock.instant()), row.id()).update();
            sent++;
        }
        return sent;
    }

    /** Due rows in the order they were written, without those behind an unsent row of their model that is not due. */
    private List<Due> due(Instant now) {
        return jdbc.sql("SELECT o.* FROM modelgov.notification_outbox o"
                        + " WHERE o.publish_status = 'PENDING' AND o.next_attempt_at <= :now"
                        + " AND (o.claimed_until IS NULL OR o.claimed_until < :now)"
                        + " AND NOT EXISTS (SELECT 1 FROM modelgov.notification_outbox e"
                        + " WHERE e.publish_status = 'PENDING' AND e.seq < o.seq AND " + SAME_MODEL
                        + " AND (e.next_attempt_at > :now OR e.claimed_until >= :now))"
                        + " ORDER BY o.seq LIMIT :batch")
                .param("now", OutboxNotificationSender.at(now)).param("batch", settings.batchSize())
                .query((rs, n) -> new Due(rs.getString("id"), OutboxNotificationSender.notification(rs),
                        rs.getInt("attempts")))
                .list();
    }

    /** Takes the row for one lease unless another relay has it or has meanwhile sent it or backed it off. */
    private boolean claim(String id) {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE modelgov.notification_outbox SET claimed_until = :until WHERE id = :id"
                        + " AND publish_status = 'PENDING' AND next_attempt_at <= :now"
                        + " AND (claimed_until IS NULL OR claimed_until < :now)")
                .param("until", OutboxNotificationSender.at(now.plus(settings.claimLease())))
                .param("id", id).param("now", OutboxNotificationSender.at(now))
                .update() == 1;
    }

    private void failed(Due row, RuntimeException e) {
        int attempts = row.attempts() + 1;
        boolean givenUp = attempts >= settings.maxAttempts();
        Instant next = clock.instant().plus(settings.retryDelay(attempts));
        String error = shortError(e);
        jdbc.sql("UPDATE modelgov.notification_outbox SET attempts = ?, publish_status = ?, next_attempt_at = ?,"
                        + " last_error = ?, claimed_until = NULL WHERE id = ?")
                .params(attempts, (givenUp ? PublishStatus.FAILED : PublishStatus.PENDING).name(),
                        givenUp ? null : OutboxNotificationSender.at(next), error, row.id())
                .update();
        if (givenUp) {
            log.error("Notification {} FAILED after {} attempts, not retried: {}",
                    row.notification().deduplicationKey(), attempts, error);
        } else {
            log.warn("Notification {} not published (attempt {} of {}), next attempt at {}: {}",
                    row.notification().deduplicationKey(), attempts, settings.maxAttempts(), next, error);
        }
    }

    /** One line for the outbox page: the publisher's message (ours name topic and key, never a credential). */
    static String shortError(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\p{Cntrl}+", " ").strip();
        return message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX - 1) + "…" : message;
    }
}
