package org.modelgov.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification adapter of both modes: an outbox table in ModelGov's database, written in the caller's
 * transaction (so a rolled-back task creation notifies nobody), and a log line per notification. A new
 * notification is then handed to every {@link NotificationPublisher} (SNS in AWS mode) in the same transaction:
 * a publish that fails rolls the outbox row back and the caller's job retries; a duplicate key publishes nothing.
 */
@Repository
class OutboxNotificationSender implements NotificationSender, NotificationOutbox {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotificationSender.class);
    private static final String COLUMNS =
            "id, event_type, subject, body, recipient_groups, recipient_users, model_id, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<NotificationPublisher> publishers;

    OutboxNotificationSender(JdbcClient jdbc, Clock clock, ObjectProvider<NotificationPublisher> publishers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publishers = publishers;
    }

    @Override
    @Transactional
    public boolean send(Notification n) {
        // insert-if-absent in one statement: a duplicate must not raise an error inside the engine's transaction
        int inserted = jdbc.sql("INSERT INTO modelgov.notification_outbox (id, deduplication_key, event_type, subject,"
                        + " body, recipient_groups, recipient_users, model_id, created_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM modelgov.notification_outbox WHERE deduplication_key = ?)")
                .params(UUID.randomUUID().toString(), n.deduplicationKey(), n.eventType(), n.subject(), n.body(),
                        join(n.recipientGroups()), join(n.recipientUsers()), n.modelId(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC), n.deduplicationKey())
                .update();
        if (inserted == 1) {
            log.info("Notification {} to groups {} users {}: {}", n.eventType(), n.recipientGroups(),
                    n.recipientUsers(), n.subject());
            publishers.orderedStream().forEach(publisher -> publisher.publish(n));
        }
        return inserted == 1;
    }

    @Override
    public List<SentNotification> latest(String modelId, int limit) {
        String where = modelId == null ? "" : " WHERE model_id = :modelId";
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.notification_outbox" + where
                + " ORDER BY created_at DESC, id LIMIT :limit").param("limit", limit);
        if (modelId != null) {
            statement = statement.param("modelId", modelId);
        }
        return statement.query(OutboxNotificationSender::row).list();
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static SentNotification row(ResultSet rs, int n) throws SQLException {
        return new SentNotification(rs.getString("id"), rs.getString("event_type"), rs.getString("subject"),
                rs.getString("body"), split(rs.getString("recipient_groups")), split(rs.getString("recipient_users")),
                rs.getString("model_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
