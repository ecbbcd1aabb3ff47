package app.baton.notification;

import app.baton.BatonApplication;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Baton on one PostgreSQL, both running delivery workers: every notice is delivered
 * exactly once, whichever instance claims it, and each is fanned out once.
 */
class RacingDeliveryIntegrationTests extends WebIntegrationTest {

    private static final int NOTICES = 40;

    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    final WebhookReceiver receiver = new WebhookReceiver();
    ConfigurableApplicationContext other;
    WebhookFixtures fixtures;

    @AfterEach
    void stop() {
        fixtures.disableAll();
        receiver.close();
        if (other != null) {
            other.close();
        }
    }

    @Test
    void twoInstancesDeliverEveryNoticeExactlyOnce() {
        other = new SpringApplicationBuilder(BatonApplication.class).profiles("test").run("--server.port=0");
        Notifications otherNotifications = other.getBean(Notifications.class);
        TransactionTemplate otherTx = new TransactionTemplate(other.getBean(PlatformTransactionManager.class));
        fixtures = new WebhookFixtures(http, notifications, new TransactionTemplate(transactions));
        fixtures.register(receiver, "TEST_RACE");

        List<String> published = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            // half published on each instance, so both schedulers find work of their own and of the other
            published.add(i % 2 == 0 ? fixtures.publish(WebhookFixtures.notice("TEST_RACE"))
                    : otherTx.execute(s -> otherNotifications.publish(WebhookFixtures.notice("TEST_RACE"))).toString());
        }

        await().atMost(WebhookFixtures.PATIENCE).until(() -> delivered(published) == NOTICES);
        Map<String, Long> perEvent = receiver.received().stream()
                .collect(Collectors.groupingBy(r -> r.header("X-Baton-Event-Id"), Collectors.counting()));
        assertThat(perEvent.keySet()).containsExactlyInAnyOrderElementsOf(published);
        assertThat(perEvent.values()).containsOnly(1L);
        assertThat(jdbc.sql("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                        + " where d.message_id = any(cast(:ids as uuid[]))")
                .param("ids", published.toArray(String[]::new)).query(Long.class).single()).isEqualTo(NOTICES);
        assertThat(published.stream().collect(Collectors.toMap(Function.identity(), id -> fixtures.history(id).size())).values())
                .containsOnly(1);
    }

    private long delivered(List<String> ids) {
        return jdbc.sql("select count(*) from webhook_delivery where status = 'DELIVERED' and message_id = any(cast(:ids as uuid[]))")
                .param("ids", ids.toArray(String[]::new)).query(Long.class).single();
    }
}
