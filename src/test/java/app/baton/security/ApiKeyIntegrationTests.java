package app.baton.security;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import app.baton.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of an API key: created by an admin and shown once, used, expired or revoked. */
class ApiKeyIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    HttpJson admin;

    @BeforeEach
    void clients() {
        admin = http.asUser("admin");
    }

    private JsonNode create(String body) {
        HttpJson.Response created = admin.post("/api/v1/api-keys", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    private JsonNode listed(JsonNode created) {
        String id = created.path("apiKey").path("id").asText();
        for (JsonNode key : admin.get("/api/v1/api-keys").json()) {
            if (key.path("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("API key " + id + " is not listed");
    }

    private void assertUnauthenticated(HttpJson.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:unauthenticated");
    }

    @Test
    void createdKeyIsShownOnceAndStoredOnlyAsItsHash() {
        JsonNode created = create("{\"name\": \"scheduling\", \"roles\": [\"INTEGRATION\"]}");
        String key = created.path("key").asText();

        assertThat(key).startsWith("bk_").hasSize(46);
        assertThat(created.path("apiKey").path("prefix").asText()).isEqualTo(key.substring(0, 11));
        assertThat(created.path("apiKey").path("createdBy").asText()).isEqualTo("admin");
        assertThat(admin.get("/api/v1/api-keys").text()).contains(created.path("apiKey").path("id").asText()).doesNotContain(key);
        String stored = jdbc.sql("select key_sha256 from api_key where id = :id")
                .param("id", UUID.fromString(created.path("apiKey").path("id").asText())).query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeyTokens.sha256(key)).doesNotContain(key.substring(3));
    }

    @Test
    void keyActsWithItsRolesAndRecordsItsLastUse() {
        JsonNode created = create("{\"name\": \"portal\", \"roles\": [\"INTEGRATION\"], \"locations\": [\"MAIN_CLINIC\"]}");
        HttpJson portal = http.withApiKey(created.path("key").asText());

        assertThat(portal.post("/api/v1/decisions", Requests.workedExample()).status()).isEqualTo(200);
        JsonNode me = portal.get("/api/v1/me").json();
        assertThat(me.path("name").asText()).isEqualTo("portal");
        assertThat(me.path("kind").asText()).isEqualTo("API_KEY");
        assertThat(me.path("roles").toString()).isEqualTo("[\"INTEGRATION\"]");
        assertThat(me.path("locations").toString()).isEqualTo("[\"MAIN_CLINIC\"]");
        assertThat(me.has("csrf")).isFalse();
        assertThat(listed(created).path("lastUsedAt").isTextual()).isTrue();
    }

    @Test
    void expiredKeyIsUnauthenticated() {
        JsonNode created = create("{\"name\": \"old lab feed\", \"roles\": [\"INTEGRATION\"], \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        jdbc.sql("update api_key set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(created.path("apiKey").path("id").asText())).update();

        assertUnauthenticated(http.withApiKey(created.path("key").asText()).post("/api/v1/decisions", Requests.workedExample()));
    }

    @Test
    void revokedKeyIsUnauthenticatedAtOnce() {
        JsonNode created = create("{\"name\": \"retired EHR link\", \"roles\": [\"INTEGRATION\"]}");
        HttpJson link = http.withApiKey(created.path("key").asText());
        assertThat(link.post("/api/v1/decisions", Requests.workedExample()).status()).isEqualTo(200);

        HttpJson.Response revoked = admin.delete("/api/v1/api-keys/" + created.path("apiKey").path("id").asText());

        assertThat(revoked.status()).isEqualTo(204);
        assertUnauthenticated(link.post("/api/v1/decisions", Requests.workedExample()));
        assertThat(listed(created).path("revokedAt").isTextual()).isTrue();
    }

    @Test
    void unknownKeyIsUnauthenticatedEvenOnAPublicPath() {
        assertUnauthenticated(http.withApiKey("bk_made_up").post("/api/v1/decisions", Requests.workedExample()));
        assertUnauthenticated(http.withApiKey("bk_made_up").get("/actuator/health"));
    }

    @Test
    void expiryInThePastIsRefusedAtCreation() {
        HttpJson.Response refused = admin.post("/api/v1/api-keys",
                "{\"name\": \"late\", \"roles\": [\"INTEGRATION\"], \"expiresAt\": \"2020-01-01T00:00:00Z\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("expiresAt");
    }

    @Test
    void sqlAndScriptInAKeyNameAreStoredAndReturnedAsPlainText() {
        String name = "<img src=x onerror=alert(1)>'; delete from api_key; --";
        JsonNode created = create("{\"name\": \"" + name + "\", \"roles\": [\"INTEGRATION\"]}");

        assertThat(listed(created).path("name").asText()).isEqualTo(name);
        assertThat(http.withApiKey(created.path("key").asText()).get("/api/v1/me").json().path("name").asText()).isEqualTo(name);
    }

    @Test
    void openApiDescriptionTellsIntegratorsToSendTheKey() {
        JsonNode scheme = http.anonymous().get("/v3/api-docs").json().path("components").path("securitySchemes").path("apiKey");

        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("X-API-Key");
    }

    @Test
    void revokingAKeyThatDoesNotExistIsNotFound() {
        assertThat(admin.delete("/api/v1/api-keys/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
