package app.baton.ruleset;

import app.baton.HttpJson;
import app.baton.Requests;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.RuleFile;
import app.baton.engine.ShippedRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule that throws gives a 5xx problem with a correlation id, and the service keeps serving. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleFailureIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ActiveRuleSet active;
    @Autowired
    RuleSetVersions versions;
    CompiledRules original;

    private static final String THROWING_RULE = """
            package app.baton.engine.model;
            unit TaskDecisionUnit;

            rule "Face-to-face visits blow up"
            when
                $t: /tasks[ taskType == "TCM_FACE_TO_FACE" ]
            then
                throw new IllegalStateException("boom");
            end
            """;

    @AfterEach
    void restore() {
        if (original != null) {
            active.swap(original).ifPresent(CompiledRules::close);
        }
    }

    @Test
    void throwingRuleIsAServerProblemAndOtherDecisionsGoOn() {
        List<RuleFile> files = new ArrayList<>(versions.files(1));
        files.add(new RuleFile("rules/app/baton/engine/model/throwing.drl", THROWING_RULE.getBytes(StandardCharsets.UTF_8)));
        original = active.swap(new RuleCompiler(ShippedRules.of(files)).compile("1", files)).orElseThrow();
        HttpJson http = new HttpJson(port);

        HttpJson.Response failed = http.post("/api/v1/decisions",
                Requests.workedExample().replace("TCM_INTERACTIVE_CONTACT", "TCM_FACE_TO_FACE"));
        HttpJson.Response fine = http.post("/api/v1/decisions", Requests.workedExample());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.json().path("type").asText()).isEqualTo("urn:baton:problem:rule-evaluation-failed");
        assertThat(failed.json().path("correlationId").asText()).isEqualTo(failed.header("X-Correlation-Id"));
        assertThat(failed.text()).doesNotContain("boom").doesNotContain("IllegalStateException");
        assertThat(fine.status()).isEqualTo(200);
    }
}
