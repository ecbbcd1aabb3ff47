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
    @Autowired
    TestGate gate;
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

    @Test
    void anotherInstanceWarmsAnApprovedVersionAheadAndSwitchesWithoutRunningItsScenariosAfterTheNotification() {
        HttpJson b = start(Map.of("baton.rule-sets.poll-interval", "1h"));
        ConfigurableApplicationContext instanceB = others.get(others.size() - 1);
        TestGate gateOfB = instanceB.getBean(TestGate.class);
        CompiledVersions compiledOfB = instanceB.getBean(CompiledVersions.class);

        int candidate = Lifecycle.newApprovedRoutingChange(http, jdbc);
        String label = String.valueOf(candidate);
        // B heard of the approval and ran the scenarios on its copy then, long before anyone activates it.
        assertThat(awaitWarm(compiledOfB, candidate, Duration.ofSeconds(30)))
                .as("instance B warmed approved version %d ahead", candidate).isTrue();
        long runsOnB = gateOfB.runs(label);
        assertThat(runsOnB).isEqualTo(1);

        HttpJson.Response activated = http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/activation", "{\"note\": \"go\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(awaitVersion(b, label, Duration.ofSeconds(30))).isEqualTo(label);

        assertThat(gateOfB.runs(label)).as("scenario runs on instance B after the activation's notification")
                .isEqualTo(runsOnB);
    }

    @Test
    void theActivationCallDoesNotRunScenariosAgainThatPassedOnTheSameCompiledCopy() {
        int candidate = Lifecycle.newApprovedRoutingChange(http, jdbc);
        String label = String.valueOf(candidate);
        // This instance ran the scenarios at the upload, on the copy it keeps (labelled "candidate" then).
        long before = gate.runs(label);

        HttpJson.Response activated = http.asUser("clinlead").post("/api/v1/rule-sets/" + candidate + "/activation", "{\"note\": \"go\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(version(http)).isEqualTo(label);
        assertThat(gate.runs(label)).as("scenario runs of version %d on the instance that took its activation", candidate)
                .isEqualTo(before);

        // The rollback target served here before with its scenarios passed: no second run either.
        long runsOfOne = gate.runs("1");
        HttpJson.Response rolledBack = http.asUser("clinlead2").post("/api/v1/rule-sets/1/activation", "{\"note\": \"back\"}");
        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(200);
        assertThat(gate.runs("1")).as("scenario runs of version 1 on its rollback").isEqualTo(runsOfOne);
    }

    @Test
    void aCopyOnWhichTheScenariosDidNotRunIsVerifiedByTheActivation() {
        // Instance B keeps two versions: the active one and one more. The first approved version it warmed is
        // dropped when it warms the second, so the activation on B loads a new copy of the first and verifies it.
        HttpJson b = start(Map.of("baton.rule-sets.poll-interval", "1h", "baton.rule-sets.compiled-cache-size", "2"));
        ConfigurableApplicationContext instanceB = others.get(others.size() - 1);
        TestGate gateOfB = instanceB.getBean(TestGate.class);
        CompiledVersions compiledOfB = instanceB.getBean(CompiledVersions.class);

        int first = Lifecycle.newApprovedRoutingChange(http, jdbc);
        awaitRuns(gateOfB, String.valueOf(first), 1, Duration.ofSeconds(30));
        int second = Lifecycle.newApprovedRoutingChange(http, jdbc);
        awaitRuns(gateOfB, String.valueOf(second), 1, Duration.ofSeconds(30));
        assertThat(compiledOfB.contains(first)).as("version %d was dropped from B's memory", first).isFalse();
        long before = gateOfB.runs(String.valueOf(first));

        HttpJson.Response activated = b.asUser("clinlead").post("/api/v1/rule-sets/" + first + "/activation", "{\"note\": \"go\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(gateOfB.runs(String.valueOf(first))).as("scenario runs on B's new copy by the activation")
                .isEqualTo(before + 1);
        assertThat(version(b)).isEqualTo(String.valueOf(first));
    }

    static boolean awaitWarm(CompiledVersions compiled, int version, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!compiled.isWarm(version) && System.nanoTime() < deadline) {
            sleep(20);
        }
        return compiled.isWarm(version);
    }

    static void awaitRuns(TestGate gate, String version, long runs, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (gate.runs(version) < runs && System.nanoTime() < deadline) {
            sleep(20);
        }
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
