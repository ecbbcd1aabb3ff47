package app.baton.notification;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In-app notifications: a notice reaches the users of its role, its queue's role or its named user,
 * and nobody else; each person reads only their own list, unread first, and another's entry is a 404.
 */
class InAppNotificationIntegrationTests extends WebIntegrationTest {

    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoticeToAQueueReachesTheUsersOfItsRoleAndNobodyElse() {
        String eventId = publish(Notice.of(Notice.HAND_OFF, Audience.queue("NURSING"), "plan-" + UUID.randomUUID(), "task-2"));

        JsonNode entry = awaitEntry("nurse", eventId);

        assertThat(entry.path("kind").asText()).isEqualTo("HAND_OFF");
        assertThat(entry.path("queue").asText()).isEqualTo("NURSING");
        assertThat(entry.path("taskId").asText()).isEqualTo("task-2");
        assertThat(entry.path("readAt").isNull()).isTrue();
        assertThat(eventIds("coordinator")).doesNotContain(eventId);
        assertThat(eventIds("frontdesk")).doesNotContain(eventId);
    }

    @Test
    void aNoticeToARoleOrAUserReachesThem() {
        String toRole = publish(Notice.of(Notice.ESCALATION, Audience.role(Role.CLINICAL_LEAD), "plan-" + UUID.randomUUID(), null));
        String toUser = publish(Notice.of(Notice.REMINDER, Audience.user("Coordinator"), "plan-" + UUID.randomUUID(), "task-3"));

        awaitEntry("clinlead", toRole);
        awaitEntry("clinlead2", toRole);
        awaitEntry("coordinator", toUser);
        assertThat(eventIds("nurse")).doesNotContain(toRole, toUser);
    }

    @Test
    void anotherPersonsNotificationIsNotFoundAndOwnReadsComeAfterUnread() {
        String first = publish(Notice.of(Notice.HAND_OFF, Audience.user("billing"), "plan-" + UUID.randomUUID(), "task-4"));
        String second = publish(Notice.of(Notice.HAND_OFF, Audience.user("billing"), "plan-" + UUID.randomUUID(), "task-5"));
        String firstId = awaitEntry("billing", first).path("id").asText();
        awaitEntry("billing", second);

        assertThat(http.asUser("frontdesk").post("/api/v1/notifications/" + firstId + "/read", null).status()).isEqualTo(404);
        assertThat(http.asUser("billing").post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null).status()).isEqualTo(404);
        assertThat(http.asUser("billing").post("/api/v1/notifications/" + firstId + "/read", null).status()).isEqualTo(204);
        assertThat(http.asUser("billing").post("/api/v1/notifications/" + firstId + "/read", null).status()).isEqualTo(204);

        JsonNode page = list("billing");
        List<String> order = page.path("items").findValuesAsText("eventId");
        assertThat(order.indexOf(second)).isLessThan(order.indexOf(first));
        assertThat(entry(page, first).path("readAt").isNull()).isFalse();
        assertThat(page.path("unread").asLong()).isEqualTo(page.path("items").findValues("readAt").stream().filter(JsonNode::isNull).count());
    }

    @Test
    void pagesAreBoundedAndBadParametersAreNamed() {
        HttpJson.Response tooBig = http.asUser("nurse").get("/api/v1/notifications?size=1000&page=x");
        HttpJson.Response one = http.asUser("nurse").get("/api/v1/notifications?size=1");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("page", "size");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("items").size()).isLessThanOrEqualTo(1);
        assertThat(http.get("/api/v1/notifications").status()).as("an app's key has no list").isEqualTo(403);
    }

    @Test
    void noticesPublishedTogetherShareFanOutTasksAndEachReachesItsOwnPeople() {
        // more than one fan-out task's worth, to different audiences, in one transaction
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < Notifications.FAN_OUT_BATCH + 50; i++) {
            Audience audience = i % 3 == 0 ? Audience.queue("NURSING") : i % 3 == 1 ? Audience.role(Role.CLINICAL_LEAD) : Audience.user("billing");
            notices.add(Notice.of(Notice.ESCALATION, audience, "plan-" + UUID.randomUUID(), "task-" + i));
        }
        List<UUID> ids = new TransactionTemplate(transactions).execute(status -> notifications.publishAll(notices));

        assertThat(jdbc.sql("select count(distinct fan_out) from notification_outbox where id in (:ids)").param("ids", ids)
                .query(Integer.class).single()).isEqualTo(2);
        await().atMost(WebhookFixtures.PATIENCE).until(() -> jdbc.sql(
                "select count(*) from notification_outbox where id in (:ids) and dispatched_at is null").param("ids", ids)
                .query(Integer.class).single() == 0);
        List<String> recipients = jdbc.sql("""
                        select o.task_id || '>' || n.username from user_notification n join notification_outbox o on o.id = n.message_id
                        where o.id in (:ids)""")
                .param("ids", ids).query(String.class).list();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            List<String> people = i % 3 == 0 ? List.of("nurse") : i % 3 == 1 ? List.of("clinlead", "clinlead2") : List.of("billing");
            for (String person : people) {
                expected.add("task-" + i + ">" + person);
            }
        }
        assertThat(recipients).containsAll(expected).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                        select count(*) from user_notification n join notification_outbox o on o.id = n.message_id
                        join app_user u on lower(u.username) = lower(n.username)
                        where o.id in (:ids)
                          and not (lower(o.username) is not distinct from lower(n.username) and o.username is not null
                                   or o.role = any(u.roles)
                                   or o.queue = 'NURSING' and 'CLINICAL_STAFF' = any(u.roles))""")
                .param("ids", ids).query(Integer.class).single()).as("entries for people outside a notice's audience").isZero();
    }

    private String publish(Notice notice) {
        return new TransactionTemplate(transactions).execute(status -> notifications.publish(notice)).toString();
    }

    private JsonNode awaitEntry(String user, String eventId) {
        await().atMost(WebhookFixtures.PATIENCE).until(() -> eventIds(user).contains(eventId));
        return entry(list(user), eventId);
    }

    private JsonNode list(String user) {
        HttpJson.Response page = http.asUser(user).get("/api/v1/notifications?size=100");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json();
    }

    private List<String> eventIds(String user) {
        return list(user).path("items").findValuesAsText("eventId");
    }

    private static JsonNode entry(JsonNode page, String eventId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("eventId").asText().equals(eventId)) {
                return item;
            }
        }
        throw new AssertionError("no entry for event " + eventId);
    }
}
