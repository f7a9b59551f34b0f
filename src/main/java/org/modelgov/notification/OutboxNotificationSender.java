package org.modelgov.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * transaction (so a rolled-back step notifies nobody), and a log line per notification. Nothing is published here:
 * with a {@link NotificationPublisher} (SNS in AWS mode) the row waits as PENDING for {@link NotificationRelay},
 * so a publisher's fault can never roll a governance step back, nor can a rollback follow a publish.
 */
@Repository
class OutboxNotificationSender implements NotificationSender, NotificationOutbox {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotificationSender.class);
    static final String COLUMNS = "id, deduplication_key, event_type, subject, body, recipient_groups,"
            + " recipient_users, model_id, risk_tier, severity, created_at, publish_status, attempts,"
            + " next_attempt_at, last_error, published_at";

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
        boolean toPublish = publishers.orderedStream().findAny().isPresent();
        OffsetDateTime now = at(clock.instant());
        // insert-if-absent in one statement: a duplicate must not raise an error inside the engine's transaction
        int inserted = jdbc.sql("INSERT INTO modelgov.notification_outbox (id, deduplication_key, event_type, subject,"
                        + " body, recipient_groups, recipient_users, model_id, risk_tier, severity, created_at,"
                        + " publish_status, next_attempt_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM modelgov.notification_outbox WHERE deduplication_key = ?)")
                .params(UUID.randomUUID().toString(), n.deduplicationKey(), n.eventType(), n.subject(), n.body(),
                        join(n.recipientGroups()), join(n.recipientUsers()), n.modelId(), n.riskTier(), n.severity(),
                        now, (toPublish ? PublishStatus.PENDING : PublishStatus.LOCAL).name(),
                        toPublish ? now : null, n.deduplicationKey())
                .update();
        if (inserted == 1) {
            log.info("Notification {} to groups {} users {}: {}", n.eventType(), n.recipientGroups(),
                    n.recipientUsers(), n.subject());
        }
        return inserted == 1;
    }

    @Override
    public List<SentNotification> latest(String modelId, PublishStatus status, int limit) {
        List<String> where = new ArrayList<>();
        if (modelId != null) {
            where.add("model_id = :modelId");
        }
        if (status != null) {
            where.add("publish_status = :status");
        }
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM modelgov.notification_outbox"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, seq DESC LIMIT :limit").param("limit", limit);
        if (modelId != null) {
            statement = statement.param("modelId", modelId);
        }
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement.query(OutboxNotificationSender::row).list();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static SentNotification row(ResultSet rs, int n) throws SQLException {
        return new SentNotification(rs.getString("id"), rs.getString("event_type"), rs.getString("subject"),
                rs.getString("body"), split(rs.getString("recipient_groups")), split(rs.getString("recipient_users")),
                rs.getString("model_id"), rs.getString("risk_tier"), rs.getString("severity"),
                instant(rs, "created_at"), PublishStatus.valueOf(rs.getString("publish_status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "published_at"));
    }

    /** The notification a row holds, as the relay hands it to the publishers. */
    static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(rs.getString("deduplication_key"), rs.getString("event_type"),
                rs.getString("subject"), rs.getString("body"), split(rs.getString("recipient_groups")),
                split(rs.getString("recipient_users")), rs.getString("model_id"), rs.getString("risk_tier"),
                rs.getString("severity"));
    }
}
