package app.baton.ruleset;

import app.baton.scenario.ScenarioResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The test gate's scenario results, stored with their version. */
@Repository
class ScenarioResults {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ScenarioResults(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(int version, List<ScenarioResult> results) {
        for (ScenarioResult result : results) {
            jdbc.sql("""
                    insert into rule_set_scenario_result (version, file, scenario_no, description, passed, failures, fired_rules)
                    values (:version, :file, :no, :description, :passed, cast(:failures as jsonb), cast(:fired as jsonb))
                    """)
                    .param("version", version)
                    .param("file", result.file())
                    .param("no", result.index())
                    .param("description", result.description())
                    .param("passed", result.passed())
                    .param("failures", write(result.failures()))
                    .param("fired", write(result.firedRules()))
                    .update();
        }
    }

    List<ScenarioResult> of(int version) {
        return jdbc.sql("""
                select file, scenario_no, description, failures::text, fired_rules::text
                from rule_set_scenario_result
                where version = :version
                order by file, scenario_no
                """)
                .param("version", version)
                .query((rs, row) -> new ScenarioResult(rs.getString(1), rs.getInt(2), rs.getString(3),
                        read(rs.getString(4)), read(rs.getString(5))))
                .list();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario results as JSON", e);
        }
    }

    private List<String> read(String text) {
        try {
            return List.of(json.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scenario results are not JSON", e);
        }
    }
}
