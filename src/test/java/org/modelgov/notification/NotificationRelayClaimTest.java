package org.modelgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.modelgov.support.SimulatedClock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several relays on one database (nodes of a cluster) share the outbox without publishing a row twice. */
class NotificationRelayClaimTest {

    private final JdbcClient jdbc = JdbcClient.create(OutboxDatabase.fresh());
    private final List<Notification> published = new CopyOnWriteArrayList<>();

    private StaticListableBeanFactory publisher(long millisPerPublish) {
        NotificationPublisher slow = n -> {
            published.add(n);
            try {
                Thread.sleep(millisPerPublish);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return new StaticListableBeanFactory(Map.of("recording", slow));
    }

    private NotificationRelay relay(Clock clock, StaticListableBeanFactory publishers) {
        return new NotificationRelay(jdbc, clock, publishers.getBeanProvider(NotificationPublisher.class),
                NotificationRelayProperties.defaults());
    }

    private static Notification notification(int i, String modelId) {
        return new Notification("event:" + i, "TASK_CREATED", "Event " + i, "Event " + i, List.of("validators"),
                List.of(), modelId);
    }

    private int pending() {
        return jdbc.sql("SELECT COUNT(*) FROM modelgov.notification_outbox WHERE publish_status = 'PENDING'")
                .query(Integer.class).single();
    }

    @Test
    void twoRelaysRunningTogetherPublishEveryRowOnceAndEachModelInOrder() throws Exception {
        StaticListableBeanFactory publishers = publisher(2);
        OutboxNotificationSender sender = new OutboxNotificationSender(jdbc, Clock.systemUTC(),
                publishers.getBeanProvider(NotificationPublisher.class));
        List<String> models = List.of("M-1", "M-2", "M-3", "M-4");
        List<Notification> written = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            written.add(notification(i, models.get(i % models.size())));
            sender.send(written.get(i));
        }
        NotificationRelay node1 = relay(Clock.systemUTC(), publishers);
        NotificationRelay node2 = relay(Clock.systemUTC(), publishers);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (NotificationRelay node : List.of(node1, node2)) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    int sent = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (pending() > 0 && System.nanoTime() < deadline) {
                        sent += node.publishDue();
                    }
                    return sent;
                }));
            }
            start.countDown();
            int total = runs.get(0).get(90, TimeUnit.SECONDS) + runs.get(1).get(90, TimeUnit.SECONDS);
            assertThat(total).isEqualTo(80);
            assertThat(runs.get(0).get()).as("both nodes took part").isPositive();
            assertThat(runs.get(1).get()).as("both nodes took part").isPositive();
        } finally {
            nodes.shutdownNow();
        }

        assertThat(published).extracting(Notification::deduplicationKey).doesNotHaveDuplicates().hasSize(80);
        for (String model : models) {
            assertThat(published).filteredOn(n -> n.modelId().equals(model))
                    .as("%s in the order written", model)
                    .containsExactlyElementsOf(written.stream().filter(n -> n.modelId().equals(model)).toList());
        }
    }

    @Test
    void aRowAnotherNodeIsPublishingWaitsUntilItsLeaseLapses() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T09:00:00Z"));
        StaticListableBeanFactory publishers = publisher(0);
        new OutboxNotificationSender(jdbc, clock, publishers.getBeanProvider(NotificationPublisher.class))
                .send(notification(1, "M-1"));
        // another node claimed it and has not finished (or died): five minutes' lease
        jdbc.sql("UPDATE modelgov.notification_outbox SET claimed_until = ?")
                .param(OutboxNotificationSender.at(clock.instant().plus(Duration.ofMinutes(5)))).update();
        NotificationRelay relay = relay(clock, publishers);

        assertThat(relay.publishDue()).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(relay.publishDue()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(relay.publishDue()).as("the lease lapsed: the row is taken over").isEqualTo(1);
        assertThat(published).hasSize(1);
    }
}
