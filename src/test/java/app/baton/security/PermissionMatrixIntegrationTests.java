package app.baton.security;

import app.baton.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the permission matrix against the endpoints the application actually serves (Spring MVC's
 * own list): each needs an entry, and each role gets 403 exactly where the matrix says no. Matrix
 * entries of endpoints that do not exist yet are not visited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    HttpJson http;
    final Map<Role, HttpJson> asRole = new EnumMap<>(Role.class);

    record Endpoint(HttpMethod method, String pattern) {

        /** A concrete path: every {variable} becomes a random UUID, an id nobody has. */
        String path() {
            return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        Optional<PermissionMatrix.Permission> permission() {
            return PermissionMatrix.permissionFor(method, path());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @BeforeAll
    void oneApiKeyPerRole() {
        http = new HttpJson(port);
        HttpJson admin = http.asUser("admin");
        for (Role role : Role.values()) {
            HttpJson.Response created = admin.post("/api/v1/api-keys", """
                    {"name": "matrix test %s", "roles": ["%s"]}""".formatted(role.name().toLowerCase().replace('_', '-'), role));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            asRole.put(role, http.withApiKey(created.json().path("key").asText()));
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, pattern));
                }
                methods.forEach(method -> endpoints.add(new Endpoint(method.asHttpMethod(), pattern)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    @Test
    void everyEndpointHasAMatrixEntry() {
        List<Endpoint> endpoints = endpoints();

        assertThat(endpoints).extracting(Endpoint::toString).contains("POST /api/v1/decisions", "GET /api/v1/me", "GET /v3/api-docs");
        assertThat(endpoints).filteredOn(endpoint -> endpoint.permission().isEmpty()).as("endpoints without a matrix entry").isEmpty();
    }

    @Test
    void everyRoleIsForbiddenExactlyWhereTheMatrixSaysNo() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            PermissionMatrix.Permission permission = endpoint.permission().orElseThrow();
            for (Role role : Role.values()) {
                int status = call(asRole.get(role), endpoint).status();
                if (permission.access() == PermissionMatrix.Access.EHR) {
                    // no API key reaches the CDS Hooks paths: only an EHR's signed JWT does (EhrTokenIntegrationTests)
                    if (status != 401) {
                        wrong.add(endpoint + " as " + role + ": " + status + ", expected 401 (EHR token only)");
                    }
                    continue;
                }
                boolean allowed = permission.allows(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint + " as " + role + ": " + status + (allowed ? ", but the matrix allows it" : ", expected 403"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEndpointButThePublicOnesNeedsCredentials() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            boolean open = endpoint.permission().orElseThrow().access() == PermissionMatrix.Access.PUBLIC;
            HttpJson.Response response = call(http.anonymous(), endpoint);
            // the FHIR paths answer every refusal as a FHIR OperationOutcome (issue code login), the others as a problem
            boolean unauthenticated = response.status() == 401 && (endpoint.pattern().startsWith("/fhir/r4/")
                    ? response.contentType().startsWith("application/fhir+json")
                    && response.json().path("issue").path(0).path("code").asText().equals("login")
                    : response.contentType().startsWith("application/problem+json")
                    && response.json().path("type").asText().equals("urn:baton:problem:unauthenticated"));
            if (open == unauthenticated) {
                wrong.add(endpoint + " without credentials: " + response.status() + (open ? ", but it is public" : ", expected a 401 problem"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void wrongRoleGetsAForbiddenProblemWithoutDetailsOfTheServer() {
        HttpJson.Response response = asRole.get(Role.BILLING).get("/api/v1/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:baton:problem:forbidden");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void pathsThatNoEntryListsAreDeniedToEveryone() {
        assertThat(asRole.get(Role.ADMIN).get("/api/v1/nothing-here").status()).isEqualTo(403);
        assertThat(http.anonymous().get("/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(asRole.get(Role.ADMIN).get("/actuator/env").status()).isEqualTo(403);
    }

    @Test
    void aWrongMethodIsA405WithAllowEvenForAnAdministrator() {
        HttpJson admin = asRole.get(Role.ADMIN);
        HttpJson.Response delete = admin.delete("/api/v1/decisions");
        assertThat(delete.status()).as(delete.text()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, POST");
        assertThat(delete.contentType()).startsWith("application/problem+json");
        assertThat(delete.json().path("type").asText()).isEqualTo("urn:baton:problem:http-405");

        HttpJson.Response batch = asRole.get(Role.INTEGRATION).get("/api/v1/decisions/batch");
        assertThat(batch.status()).as(batch.text()).isEqualTo(405);
        assertThat(batch.header("Allow")).isEqualTo("POST");
        assertThat(http.anonymous().send("PUT", "/api/v1/rule-sets/active", "{}").status()).isEqualTo(405);
    }

    @Test
    void everyServedPathAnswersEveryMethodItDoesNotTakeWith405() {
        List<Endpoint> endpoints = endpoints();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.permission().orElseThrow().method() == null) {
                continue;
            }
            Set<HttpMethod> served = new java.util.HashSet<>();
            endpoints.stream().filter(e -> e.pattern().equals(endpoint.pattern())).forEach(e -> served.add(e.method()));
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                // the login form is served by the filter chain, not by a controller
                if (served.contains(method) || (method == HttpMethod.POST && endpoint.pattern().equals("/login"))) {
                    continue;
                }
                HttpJson.Response response = call(asRole.get(Role.ADMIN), new Endpoint(method, endpoint.pattern()));
                String allow = response.header("Allow");
                if (response.status() != 405 || allow == null || !allow.contains(endpoint.method().name())) {
                    wrong.add(method + " " + endpoint.pattern() + ": " + response.status() + ", Allow " + allow);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** One rule for malformed ids (docs/api.md): an id or version in the path that is not well-formed is a 404, everywhere. */
    @Test
    void everyServedPathWithAMalformedIdIsNotFound() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            PermissionMatrix.Permission permission = endpoint.permission().orElseThrow();
            // a queue is a code, not an id (an unknown code is a 400 listing the known ones); a POST's body is checked first
            if (!endpoint.pattern().startsWith("/api/") || !endpoint.pattern().contains("{") || endpoint.pattern().contains("{*")
                    || endpoint.pattern().contains("{queue}") || endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT
                    || endpoint.method() == HttpMethod.PATCH) {
                continue;
            }
            Role role = permission.roles().stream().sorted().findFirst().orElse(Role.ADMIN);
            String path = endpoint.pattern().replaceAll("\\{[^}]+}", "not-an-id");
            HttpJson.Response response = asRole.get(role).send(endpoint.method().name(), path, null);
            if (response.status() != 404 || !response.contentType().startsWith("application/problem+json")
                    || response.json().path("detail").asText().contains("not-an-id")) {
                wrong.add(endpoint + " as " + role + ": " + response.status() + " " + response.text());
            }
        }
        assertThat(asRole.get(Role.ADMIN).post("/api/v1/users/not-an-id/unlock", null).status()).isEqualTo(404);
        assertThat(asRole.get(Role.CLINICAL_LEAD).post("/api/v1/rule-sets/not-an-id/approval", "{\"note\": \"n\"}").status())
                .isEqualTo(404);
        assertThat(wrong).isEmpty();
    }

    @Test
    void metricsAreForAdminsOnlyAndHealthForEveryone() {
        assertThat(http.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(asRole.get(Role.INTEGRATION).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(asRole.get(Role.ADMIN).get("/actuator/prometheus").status()).isNotIn(401, 403);
    }

    private static HttpJson.Response call(HttpJson client, Endpoint endpoint) {
        boolean hasBody = endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT;
        return client.send(endpoint.method().name(), endpoint.path(), hasBody ? "{}" : null);
    }
}
