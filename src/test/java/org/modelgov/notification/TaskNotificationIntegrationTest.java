package org.modelgov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.modelgov.support.Api;
import org.modelgov.support.ModelGovIntegrationTest;
import org.modelgov.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every new user task is announced to its candidates through the notification port (local outbox). */
@ModelGovIntegrationTest
class TaskNotificationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    NotificationSender sender;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewTaskIsAnnouncedToItsCandidateGroupOnce() {
        ProcessInstance attestation = runtime.startProcessInstanceByKey("InventoryAttestationProcess", "CUST-CHURN-001");
        String taskId = tasks.createTaskQuery().processInstanceId(attestation.getId()).singleResult().getId();
        try {
            JsonNode sent = Api.as(port, "compliance", "demo").get("/api/notifications?modelId=CUST-CHURN-001").json();
            JsonNode announcement = null;
            for (JsonNode n : sent) {
                if (n.path("subject").asText().contains("Attest inventory record")) {
                    announcement = n;
                }
            }
            assertThat(announcement).as("the task was announced").isNotNull();
            assertThat(announcement.path("eventType").asText()).isEqualTo("TASK_CREATED");
            assertThat(announcement.path("recipientGroups")).hasSize(1);
            assertThat(announcement.path("recipientGroups").get(0).asText()).isEqualTo("model-owners");
            assertThat(announcement.path("modelId").asText()).isEqualTo("CUST-CHURN-001");

            // the same event again (e.g. a retried job) is not sent twice
            assertThat(sender.send(new Notification("task-created:" + taskId, "TASK_CREATED", "again", "again",
                    List.of("model-owners"), List.of(), "CUST-CHURN-001"))).isFalse();
        } finally {
            runtime.deleteProcessInstance(attestation.getId(), "test finished");
        }
    }

    @Test
    void aRolledBackTaskAnnouncesNothing() {
        String key = "ROLLBACK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        try {
            transaction.executeWithoutResult(status -> {
                runtime.startProcessInstanceByKey("InventoryAttestationProcess", key);
                assertThat(outbox.latest(key, 10)).as("announced inside the transaction").hasSize(1);
                throw new IllegalStateException("something later in the same transaction fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back: the task and its announcement are gone together
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(outbox.latest(key, 10)).isEmpty();
    }

    @Test
    void notificationsThatDidNotGoOutAreShownWithTheirError() {
        String modelId = "UNSENT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // as the relay leaves them in AWS mode (this context has no publisher)
        jdbc.sql("INSERT INTO modelgov.notification_outbox (id, deduplication_key, event_type, subject, body, model_id,"
                        + " created_at, publish_status, attempts, last_error) VALUES (?, ?, 'TASK_CREATED',"
                        + " 'Never delivered', 'b', ?, CURRENT_TIMESTAMP, 'FAILED', 20, 'Throttling: Rate exceeded')")
                .params(UUID.randomUUID().toString(), "failed:" + modelId, modelId).update();
        Api admin = Api.as(port, "admin", "demo");

        JsonNode failed = admin.get("/api/notifications?publishStatus=failed&modelId=" + modelId).json();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("publishStatus").asText()).isEqualTo("FAILED");
        assertThat(failed.get(0).path("attempts").asInt()).isEqualTo(20);
        assertThat(admin.get("/api/notifications?publishStatus=LOCAL&modelId=" + modelId).json()).isEmpty();
        assertThat(admin.get("/api/notifications?publishStatus=LOST").invalidFields()).containsExactly("publishStatus");

        String page = WebappSession.logIn(port, "admin", "demo").page("/notifications");
        assertThat(page).contains("id=\"failed-notifications\"", "Never delivered", "FAILED", "20 failed attempt(s)",
                "Throttling: Rate exceeded");
    }

    @Test
    void badLimitIs400() {
        assertThat(Api.as(port, "admin", "demo").get("/api/notifications?limit=0").invalidFields())
                .containsExactly("limit");
        assertThat(Api.anonymous(port).get("/api/notifications").status()).isEqualTo(401);
    }
}
