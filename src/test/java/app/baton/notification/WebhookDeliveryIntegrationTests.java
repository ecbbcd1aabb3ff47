package app.baton.notification;

import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: a notice published in a transaction reaches a real HTTP receiver, signed; a
 * receiver's 500s are retried, a receiver that keeps failing gets a dead letter that an administrator
 * re-drives; a 400 is final at once; only subscribed kinds are sent. The test profile allows 3 tries
 * with a backoff of 50 to 200 ms.
 */
class WebhookDeliveryIntegrationTests extends WebIntegrationTest {

    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry registry;

    WebhookFixtures fixtures;
    final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeEach
    void fixtures() {
        fixtures = new WebhookFixtures(http, notifications, new TransactionTemplate(transactions));
    }

    @AfterEach
    void stopReceiver() {
        fixtures.disableAll();
        receiver.close();
    }

    @Test
    void deliversASignedNoticeWithIdsAndCodesOnly() {
        String secret = fixtures.register(receiver, "TEST_SIGNED").path("secret").asText();

        String eventId = fixtures.publish(WebhookFixtures.notice("TEST_SIGNED"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> receiver.receivedFor(eventId).size() == 1);
        WebhookReceiver.Received request = receiver.receivedFor(eventId).get(0);
        assertThat(WebhookFixtures.signatureHolds(request, secret)).isTrue();
        assertThat(WebhookFixtures.signatureHolds(request, "whsec_not-the-secret")).isFalse();
        assertThat(request.header("X-Baton-Event-Kind")).isEqualTo("TEST_SIGNED");
        assertThat(request.header("X-Baton-Delivery-Attempt")).isEqualTo("1");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).contains("\"id\":\"" + eventId + "\"", "\"kind\":\"TEST_SIGNED\"", "\"queue\":\"NURSING\"",
                "\"taskId\":\"task-1\"", "\"occurredAt\":");
        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DELIVERED"));
        JsonNode delivery = fixtures.history(eventId).path(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("history").path(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.path("history").path(0).path("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void retriesAfterServerErrorsUntilDelivered() {
        fixtures.register(receiver.answering(500, 503), "TEST_RETRY");

        String eventId = fixtures.publish(WebhookFixtures.notice("TEST_RETRY"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DELIVERED"));
        JsonNode history = fixtures.history(eventId).path(0).path("history");
        assertThat(history.findValuesAsText("outcome")).containsExactly("RETRY", "RETRY", "DELIVERED");
        assertThat(history.findValuesAsText("statusCode")).containsExactly("500", "503", "200");
        assertThat(receiver.receivedFor(eventId)).extracting(r -> r.header("X-Baton-Delivery-Attempt")).containsExactly("1", "2", "3");
        assertThat(receiver.receivedFor(eventId)).extracting(WebhookReceiver.Received::body).containsOnly(receiver.receivedFor(eventId).get(0).body());
    }

    @Test
    void retriesAReceiverThatAnswersTooLate() {
        fixtures.register(receiver.answering(WebhookReceiver.TOO_LATE), "TEST_TIMEOUT");

        String eventId = fixtures.publish(WebhookFixtures.notice("TEST_TIMEOUT"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DELIVERED"));
        JsonNode history = fixtures.history(eventId).path(0).path("history");
        assertThat(history.findValuesAsText("outcome")).containsExactly("RETRY", "DELIVERED");
        assertThat(history.path(0).path("error").asText()).isEqualTo("no-answer");
        assertThat(history.path(0).path("statusCode").isNull()).isTrue();
        assertThat(history.path(1).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void deadLettersAfterTheLastTryAndDeliversWhenRedriven() {
        fixtures.register(receiver.answeringAlways(500), "TEST_DEAD");

        String eventId = fixtures.publish(WebhookFixtures.notice("TEST_DEAD"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DEAD"));
        String deliveryId = fixtures.history(eventId).path(0).path("id").asText();
        assertThat(receiver.receivedFor(eventId)).hasSize(3);
        JsonNode deadLetters = fixtures.admin().get("/api/v1/webhooks/dead-letters?size=100").json();
        assertThat(deadLetters.path("items").findValuesAsText("id")).contains(deliveryId);
        assertThat(audited("WEBHOOK_DEAD_LETTERED", deliveryId)).containsExactly("SYSTEM");

        receiver.answeringAlways(200);
        var redriven = fixtures.admin().post("/api/v1/webhooks/dead-letters/" + deliveryId + "/redrive", null);

        assertThat(redriven.status()).as(redriven.text()).isEqualTo(202);
        assertThat(redriven.json().path("drive").asInt()).isEqualTo(1);
        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DELIVERED"));
        JsonNode delivery = fixtures.history(eventId).path(0);
        assertThat(delivery.path("history").findValuesAsText("drive")).containsExactly("0", "0", "0", "1");
        assertThat(receiver.receivedFor(eventId)).hasSize(4);
        assertThat(audited("WEBHOOK_REDRIVEN", deliveryId)).containsExactly("USER");
        assertThat(fixtures.admin().post("/api/v1/webhooks/dead-letters/" + deliveryId + "/redrive", null).status()).isEqualTo(409);
    }

    @Test
    void aClientErrorIsFinalAtOnce() {
        fixtures.register(receiver.answeringAlways(400), "TEST_REFUSED");

        String eventId = fixtures.publish(WebhookFixtures.notice("TEST_REFUSED"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DEAD"));
        assertThat(fixtures.history(eventId).path(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(fixtures.history(eventId).path(0).path("lastStatusCode").asInt()).isEqualTo(400);
    }

    @Test
    void sendsOnlyTheKindsAnEndpointSubscribedTo() {
        fixtures.register(receiver, "TEST_WANTED");

        String unwanted = fixtures.publish(WebhookFixtures.notice("TEST_UNWANTED"));
        String wanted = fixtures.publish(WebhookFixtures.notice("TEST_WANTED"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> receiver.receivedFor(wanted).size() == 1);
        await().atMost(WebhookFixtures.PATIENCE).until(() -> dispatched(unwanted));
        assertThat(fixtures.history(unwanted)).isEmpty();
        assertThat(receiver.receivedFor(unwanted)).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesNoNoticeAndSendsNothing() {
        fixtures.register(receiver, "TEST_ROLLBACK");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String[] rolledBack = new String[1];

        tx.executeWithoutResult(status -> {
            rolledBack[0] = notifications.publish(WebhookFixtures.notice("TEST_ROLLBACK")).toString();
            status.setRollbackOnly();
        });
        String committed = fixtures.publish(WebhookFixtures.notice("TEST_ROLLBACK"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> receiver.receivedFor(committed).size() == 1);
        assertThat(count("select count(*) from notification_outbox where id = cast(:id as uuid)", rolledBack[0])).isZero();
        assertThat(count("select count(*) from scheduled_tasks where task_instance = :id", rolledBack[0])).isZero();
        assertThat(receiver.received()).extracting(r -> r.header("X-Baton-Event-Id")).containsExactly(committed);
    }

    @Test
    void countsTriesByOutcomeAndReportsBacklogGauges() {
        fixtures.register(receiver.answering(500), "TEST_METRICS");

        String eventId = fixtures.publish(WebhookFixtures.notice("TEST_METRICS"));

        await().atMost(WebhookFixtures.PATIENCE).until(() -> fixtures.history(eventId).path(0).path("status").asText().equals("DELIVERED"));
        assertThat(registry.get("baton.webhooks.attempts").tag("outcome", "delivered").counter().count()).isPositive();
        assertThat(registry.get("baton.webhooks.attempts").tag("outcome", "retried").counter().count()).isPositive();
        assertThat(registry.get("baton.notifications.outbox.backlog").gauge().value()).isNotNegative();
        assertThat(registry.get("baton.webhooks.pending").gauge().value()).isNotNegative();
        assertThat(registry.get("baton.webhooks.dead.letters").gauge().value()).isNotNegative();
    }

    @Test
    void registeringAndDisablingAnEndpointIsAudited() {
        String id = fixtures.register(receiver, "TEST_AUDIT").path("id").asText();
        var list = fixtures.admin().get("/api/v1/webhooks");

        assertThat(fixtures.admin().delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);

        assertThat(list.text()).contains(id).doesNotContain("whsec_");
        assertThat(jdbc.sql("select action from audit_event where object_type = 'webhook_endpoint' and object_id = :id order by staged_number")
                .param("id", id).query(String.class).list()).containsExactly("CREATE", "DELETE");
        assertThat(fixtures.admin().get("/api/v1/webhooks").json().findValues("enabled").stream()
                .anyMatch(e -> !e.asBoolean())).isTrue();
    }

    @Test
    void refusesPlainHttpToAnotherHostAndKindsThatAreNotCodes() {
        var http = fixtures.admin().post("/api/v1/webhooks", "{\"url\": \"http://receiver.example.org/hook\", \"kinds\": [\"HAND_OFF\"]}");
        var kinds = fixtures.admin().post("/api/v1/webhooks", "{\"url\": \"https://receiver.example.org/hook\", \"kinds\": [\"hand off\"]}");
        var unknown = fixtures.admin().delete("/api/v1/webhooks/not-an-id");

        assertThat(http.status()).isEqualTo(400);
        assertThat(http.json().path("errors").findValuesAsText("field")).containsExactly("url");
        assertThat(kinds.status()).isEqualTo(400);
        assertThat(kinds.json().path("errors").path(0).path("field").asText()).startsWith("kinds");
        // a path id that is not well-formed names nothing: 404, as for every path id (api.md, "Ids in paths")
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesReceiversOnInternalAddressesEvenWhereLoopbackIsAllowed() {
        for (String url : new String[] {"https://169.254.169.254/latest/meta-data/", "https://10.0.0.8/hook", "https://[::ffff:192.168.0.1]/hook",
                "https://2852039166/hook", "https://0xa9fea9fe/hook", "https://[fd00::1]/hook", "https://100.100.100.200/hook"}) {
            var refused = fixtures.admin().post("/api/v1/webhooks", "{\"url\": \"" + url + "\", \"kinds\": [\"HAND_OFF\"]}");

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("url");
            assertThat(refused.text()).doesNotContain("169.254").doesNotContain("meta-data");
        }
        assertThat(count("select count(*) from webhook_endpoint where url like :id", "%meta-data%")).isZero();
    }

    private boolean dispatched(String eventId) {
        return count("select count(*) from notification_outbox where id = cast(:id as uuid) and dispatched_at is not null", eventId) == 1;
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private List<String> audited(String action, String deliveryId) {
        return jdbc.sql("select actor_type from audit_event where action = :action and object_id = :id order by staged_number")
                .param("action", action).param("id", deliveryId).query(String.class).list();
    }
}
