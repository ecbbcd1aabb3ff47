package app.baton.decision;

import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locations a patient has records at are remembered as decisions are stored, however many one statement stores
 * (the sweep stores a page of decisions in one): each new patient and location once, none without both.
 */
class DecisionPatientLocationIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneStatementOfDecisionsRemembersEachNewPatientLocationOnce() {
        String a = "loc-a-" + UUID.randomUUID();
        String b = "loc-b-" + UUID.randomUUID();
        jdbc.sql("insert into patient_location (patient_id, location) values (:a, 'MAIN_CLINIC')").param("a", a).update();

        jdbc.sql("""
                insert into decision (id, request_sha256, rule_set_version, as_of, task_id, program, task_type, inputs, response,
                                      evaluation_micros, asked_by)
                select gen_random_uuid(), repeat('0', 64), 1, now(), 't', 'TCM', 'TCM_INTERACTIVE_CONTACT', cast(i as jsonb), '{}', 1, 'SWEEP'
                from unnest(cast(:inputs as text[])) as i
                """)
                .param("inputs", Stream.of(
                        "\"patient\": {\"id\": \"%s\", \"location\": \"MAIN_CLINIC\"}, ".formatted(a),
                        "\"patient\": {\"id\": \"%s\", \"location\": \"SATELLITE_CLINIC\"}, ".formatted(a),
                        "\"patient\": {\"id\": \"%s\", \"location\": \"SATELLITE_CLINIC\"}, ".formatted(b),
                        "\"patient\": {\"id\": \"%s\", \"location\": \"SATELLITE_CLINIC\"}, ".formatted(b),
                        "\"patient\": {\"id\": \"%s\"}, ".formatted(b),
                        "")
                        // the rest of a recorded input, so that an impact analysis can replay these rows like any other
                        .map(patient -> "{" + patient + "\"carePlan\": {\"program\": \"TCM\"}, "
                                + "\"task\": {\"type\": \"TCM_INTERACTIVE_CONTACT\", \"status\": \"READY\"}}")
                        .toArray(String[]::new))
                .update();

        List<String> remembered = jdbc.sql("""
                select patient_id || '@' || location from patient_location where patient_id in (:a, :b) order by 1
                """).param("a", a).param("b", b).query(String.class).list();
        assertThat(remembered).containsExactly(a + "@MAIN_CLINIC", a + "@SATELLITE_CLINIC", b + "@SATELLITE_CLINIC");
    }
}
