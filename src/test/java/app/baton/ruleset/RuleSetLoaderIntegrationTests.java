package app.baton.ruleset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("test")
class RuleSetLoaderIntegrationTests {

    @Autowired
    RuleSetVersions versions;
    @Autowired
    ActiveRuleSet active;
    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsVersionOneFromTheStarterPackAndMakesItActive() {
        RuleSetVersion version = versions.active().orElseThrow();
        RuleSetBundle starter = StarterPack.load();

        assertThat(version.version()).isEqualTo(1);
        assertThat(version.sha256()).isEqualTo(starter.sha256());
        assertThat(versions.files(1)).isEqualTo(starter.files());
        assertThat(starter.files()).anyMatch(f -> f.isDecisionTable()).anyMatch(f -> f.isDrl()).anyMatch(f -> f.isScenario());
        assertThat(active.current().version()).isEqualTo("1");
        assertThat(active.current().rules()).hasSizeGreaterThan(50);
    }

    @Test
    void storedRuleFilesCannotBeChanged() {
        assertThatThrownBy(() -> jdbc.sql("update rule_set_file set content = 'x'::bytea where version = 1").update())
                .hasMessageContaining("rule set files are immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from rule_set_file where version = 1").update())
                .hasMessageContaining("rule set files are immutable");
    }

    @Test
    void onlyOneVersionCanBeActive() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into rule_set_version (version, sha256, status, author, change_note)
                values (999, repeat('0', 64), 'ACTIVE', 'test', 'second active')
                """).update()).hasMessageContaining("rule_set_version_one_active");
    }

    @Test
    void recordsTheSeedingAsEvents() {
        // the first two events of version 1 are its seeding; tests that activate other versions add later ones
        assertThat(jdbc.sql("select kind from rule_set_event where version = 1 order by id limit 2").query(String.class).list())
                .containsExactly("CREATED", "ACTIVATED");
    }
}
