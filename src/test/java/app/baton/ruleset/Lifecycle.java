package app.baton.ruleset;

import app.baton.HttpJson;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of the governance tests. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** Other tests expect the starter pack to decide: roll back to version 1 when a test activated another. */
    public static void restoreVersionOne(HttpJson clinicalLead, JdbcClient jdbc) {
        boolean oneIsActive = jdbc.sql("select status = 'ACTIVE' from rule_set_version where version = 1").query(Boolean.class).single();
        if (!oneIsActive) {
            HttpJson.Response back = clinicalLead.post("/api/v1/rule-sets/1/activation", "{\"note\": \"test clean-up\"}");
            assertThat(back.status()).as(back.text()).isEqualTo(200);
        }
    }
}
