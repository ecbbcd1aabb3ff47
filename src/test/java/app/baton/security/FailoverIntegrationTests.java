package app.baton.security;

import app.baton.BatonApplication;
import app.baton.HttpJson;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Baton instances on one database (the test profile's embedded PostgreSQL), one of them stopped
 * without a hand-over: the browser session that logged in on it goes on on the other without a new
 * login, and the failed authentications an address spent on it still count on the other. (The cluster
 * proofs with three processes, HAProxy and kill -9 are src/test/bench/cluster-proofs.sh.)
 * <p>
 * The rate-limit buckets of both instances refill by one frozen time, so the budget the test spends
 * cannot refill while an instance stops, however slow the machine.
 */
class FailoverIntegrationTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void aSessionAndAnAddressBudgetOutliveTheInstanceTheyStartedOn() {
        TimeMeter frozen = new FrozenTime(System.currentTimeMillis() * 1_000_000L);
        String attacker = randomAddress();
        String person = randomAddress();
        try (ConfigurableApplicationContext a = instance(frozen); ConfigurableApplicationContext b = instance(frozen)) {
            HttpJson onA = new HttpJson(port(a));
            int portB = port(b);

            // a clinical lead logs in on A
            HttpJson browser = onA.browser();
            String token = csrfField(browser.get("/login", "Accept", "text/html", "X-Forwarded-For", person).text());
            HttpJson.Response login = browser.post("/login", "username=clinlead&password=" + encode(HttpJson.TEST_PASSWORD) + "&_csrf=" + encode(token),
                    "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", person);
            assertThat(login.status()).isEqualTo(302);
            assertThat(login.header("Set-Cookie")).as("the session cookie keeps its attributes with sessions in PostgreSQL")
                    .startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Strict");
            assertThat(browser.get("/api/v1/me", "X-Forwarded-For", person).json().path("name").asText()).isEqualTo("clinlead");

            // another address spends its budget of failed authentications (3) on A
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(onA.asUser("nurse", "wrong password " + attempt).get("/api/v1/me", "X-Forwarded-For", attacker).status())
                        .isEqualTo(401);
            }

            // A stops: its web server at once, no requests drained, then the rest of it
            ((WebServerApplicationContext) a).getWebServer().stop();
            a.close();

            HttpJson onB = browser.onPort(portB);
            HttpJson.Response me = onB.get("/api/v1/me", "X-Forwarded-For", person);
            assertThat(me.status()).as("the session from A, on B").isEqualTo(200);
            assertThat(me.json().path("name").asText()).isEqualTo("clinlead");
            HttpJson.Response page = onB.get("/console", "Accept", "text/html", "X-Forwarded-For", person);
            assertThat(page.status()).as("a console page on B without a new login").isEqualTo(200);

            HttpJson.Response refused = new HttpJson(portB).asUser("nurse", HttpJson.TEST_PASSWORD)
                    .get("/api/v1/me", "X-Forwarded-For", attacker);
            assertThat(refused.status()).as("the address spent its budget on A: refused on B before its password is checked").isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(new HttpJson(portB).asUser("nurse", HttpJson.TEST_PASSWORD).get("/api/v1/me", "X-Forwarded-For", randomAddress()).status())
                    .as("another address still has its budget").isEqualTo(200);

            JdbcClient jdbc = b.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'clinlead'")
                    .query(Integer.class).list()).as("the session is stored with the 15-minute idle time-out").contains(900);
            assertThat(jdbc.sql("select count(*) from rate_limit_bucket where id like :id").param("id", "address:" + attacker + ":%")
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext instance(TimeMeter time) {
        return new SpringApplicationBuilder(BatonApplication.class).profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("frozenBucketTime", time))
                .run("--server.port=0", "--server.forward-headers-strategy=native",
                        "--baton.security.rate-limit.anonymous-per-second=3", "--baton.tracker.sweep.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String csrfField(String loginPage) {
        Matcher matcher = CSRF_FIELD.matcher(loginPage);
        assertThat(matcher.find()).as(loginPage).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Bucket time that stands still. */
    private record FrozenTime(long nanos) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
