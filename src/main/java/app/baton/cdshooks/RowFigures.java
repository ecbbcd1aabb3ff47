package app.baton.cdshooks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per table row (and rule set version): how many cards it produced, how many the EHRs' users accepted or overrode,
 * and the override reasons. A row whose answered cards are overridden at least half the time, with at least
 * {@value #FOR_REVIEW_MIN_ANSWERS} answers, is marked for review. Counts and codes only: no patient, no comment.
 */
@Repository
public class RowFigures {

    static final int FOR_REVIEW_MIN_ANSWERS = 5;
    static final double FOR_REVIEW_OVERRIDE_RATE = 0.5;

    private final JdbcClient jdbc;

    RowFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Reason(String code, String display, long count) {
    }

    /** {@code overrideRate}: overridden / (accepted + overridden), null before any feedback. */
    public record Row(int ruleSetVersion, String row, long cards, long accepted, long overridden, Double overrideRate,
                      boolean forReview, List<Reason> reasons) {
    }

    /** One version's rows by where they are written ({@code file#Sheet!row N}): the rule review shows them beside changed rows. */
    public Map<String, Row> byRow(int version) {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows(version).forEach(row -> rows.put(row.row(), row));
        return rows;
    }

    /** Rows of one version (or of every version when null), the most overridden first. */
    List<Row> rows(Integer version) {
        Map<String, List<Reason>> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.rule_set_version, c.rule_source, f.override_code, max(f.override_display) as display, count(*) as n
                        from cds_card c join cds_feedback f on f.card_id = c.id
                        where f.outcome = 'overridden' and f.override_code is not null
                          and c.rule_set_version between :from and :to
                        group by c.rule_set_version, c.rule_source, f.override_code
                        order by n desc, f.override_code
                        """)
                .param("from", version == null ? Integer.MIN_VALUE : version).param("to", version == null ? Integer.MAX_VALUE : version)
                .query(rs -> {
                    reasons.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(new Reason(rs.getString(3), rs.getString(4), rs.getLong(5)));
                });
        return jdbc.sql("""
                        select c.rule_set_version, c.rule_source, count(*) as cards,
                               count(f.card_id) filter (where f.outcome = 'accepted') as accepted,
                               count(f.card_id) filter (where f.outcome = 'overridden') as overridden
                        from cds_card c left join cds_feedback f on f.card_id = c.id
                        where c.rule_set_version between :from and :to
                        group by c.rule_set_version, c.rule_source
                        order by overridden desc, cards desc, c.rule_set_version desc, c.rule_source
                        """)
                .param("from", version == null ? Integer.MIN_VALUE : version).param("to", version == null ? Integer.MAX_VALUE : version)
                .query((rs, n) -> {
                    long accepted = rs.getLong("accepted");
                    long overridden = rs.getLong("overridden");
                    long answered = accepted + overridden;
                    Double rate = answered == 0 ? null : (double) overridden / answered;
                    boolean review = answered >= FOR_REVIEW_MIN_ANSWERS && rate >= FOR_REVIEW_OVERRIDE_RATE;
                    String key = rs.getInt("rule_set_version") + "|" + rs.getString("rule_source");
                    return new Row(rs.getInt("rule_set_version"), rs.getString("rule_source"), rs.getLong("cards"), accepted, overridden,
                            rate, review, reasons.getOrDefault(key, List.of()));
                }).list();
    }
}
