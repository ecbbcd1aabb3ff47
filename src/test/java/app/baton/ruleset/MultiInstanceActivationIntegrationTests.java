package app.baton.ruleset;

import app.baton.BatonApplication;
import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances on one PostgreSQL: an activation on one reaches the others (by NOTIFY, and by
 * the poll where listening is off), and an instance that starts later loads the active version.
 * The other instances are whole Baton applications on their own ports, sharing the database.
 */
class MultiInstanceActivationIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    final List<ConfigurableApplicationContext> others = new ArrayList<>();

    @AfterEach
    void stopOtherInstancesAndRestoreVersionOne() {
        Lifecycle.restoreVersionOne(http.asUser("clinlead"), jdbc);
        others.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyInstanceFollowsAnActivationAndALateStarterLoadsTheActiveVersion() {
        // Instance B hears activations only through NOTIFY: its poll is too slow to matter here.
        HttpJson b = start(Map.of("baton.rule-sets.poll-interval", "1h"));
        assertThat(version(b)).isEqualTo("1");

        int candidate = Lifecycle.approvedRoutingChange(http, jdbc);
        HttpJson.Response activated = http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/activation", "{\"note\": \"go\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        long started = System.nanoTime();
        String seenByB = awaitVersion(b, String.valueOf(candidate), Duration.ofSeconds(30));
        long followedInMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(seenByB).isEqualTo(String.valueOf(candidate));
        System.out.printf("instance B served version %d %d ms after the activation answered%n", candidate, followedInMillis);

        // Instance C starts after the activation and never listens: it loads the active version, then polls.
        HttpJson c = start(Map.of("baton.rule-sets.listen", "false", "baton.rule-sets.poll-interval", "200ms"));
        assertThat(version(c)).isEqualTo(String.valueOf(candidate));
        assertThat(decide(c).path("routing").path("queue").asText()).isEqualTo(RoutingChange.NEW_QUEUE);

        HttpJson.Response rolledBack = http.asUser("clinlead2").post("/api/v1/rule-sets/1/activation", "{\"note\": \"roll back\"}");
        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(200);
        assertThat(awaitVersion(b, "1", Duration.ofSeconds(30))).isEqualTo("1");
        assertThat(awaitVersion(c, "1", Duration.ofSeconds(30))).isEqualTo("1");
        assertThat(decide(c).path("routing").path("queue").asText()).isEqualTo(RoutingChange.OLD_QUEUE);
    }

    HttpJson start(Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BatonApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
        others.add(context);
        return new HttpJson(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static String awaitVersion(HttpJson instance, String wanted, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String seen = version(instance);
        while (!seen.equals(wanted) && System.nanoTime() < deadline) {
            sleep(20);
            seen = version(instance);
        }
        return seen;
    }

    static String version(HttpJson instance) {
        return decide(instance).path("ruleSetVersion").asText();
    }

    static com.fasterxml.jackson.databind.JsonNode decide(HttpJson instance) {
        HttpJson.Response response = instance.post("/api/v1/decisions", Requests.workedExample(UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
