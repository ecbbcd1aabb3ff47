package app.baton.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The cards Baton answered with ({@code cds_card}) and the EHRs' feedback on them ({@code cds_feedback}). */
@Repository
class IssuedCards {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IssuedCards(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A card as kept: enough to check feedback against it and count it against its row. */
    record Issued(UUID id, String service, UUID decisionId, int ruleSetVersion, String row, Set<UUID> suggestionIds) {
    }

    /** Every card of one answer in one statement (a hook call answers with a card or more per open task). */
    void insertAll(String service, List<CardMaker.Made> made, OffsetDateTime at) {
        if (made.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into cds_card (id, service, decision_id, rule_set_version, rule_source, task_id, suggestion_ids, issued_at)
                values """);
        Map<String, Object> params = new HashMap<>();
        params.put("service", service);
        params.put("at", at);
        for (int i = 0; i < made.size(); i++) {
            CardMaker.Made m = made.get(i);
            List<String> suggestions = m.card().suggestions() == null ? List.of()
                    : m.card().suggestions().stream().map(s -> s.uuid().toString()).toList();
            sql.append(i == 0 ? "" : ", ").append("(:id%1$d, :service, :decision%1$d, :version%1$d, :row%1$d, :task%1$d, cast(:suggestions%1$d as jsonb), :at)"
                    .formatted(i));
            params.put("id" + i, m.card().uuid());
            params.put("decision" + i, m.decisionId());
            params.put("version" + i, m.ruleSetVersion());
            params.put("row" + i, m.row());
            params.put("task" + i, m.taskId());
            params.put("suggestions" + i, write(suggestions));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    Optional<Issued> find(UUID id) {
        return jdbc.sql("select id, service, decision_id, rule_set_version, rule_source, suggestion_ids from cds_card where id = :id")
                .param("id", id)
                .query((rs, n) -> new Issued(rs.getObject("id", UUID.class), rs.getString("service"), rs.getObject("decision_id", UUID.class),
                        rs.getInt("rule_set_version"), rs.getString("rule_source"), ids(rs.getString("suggestion_ids"))))
                .optional();
    }

    /** Stores one outcome; a card already answered keeps its first outcome (a repeated feedback call changes nothing). */
    boolean record(UUID cardId, String outcome, List<UUID> accepted, Card.Coding reason, String comment, OffsetDateTime outcomeAt,
                   OffsetDateTime now) {
        return jdbc.sql("""
                        insert into cds_feedback (card_id, outcome, accepted_suggestions, override_code, override_display, user_comment,
                                                  outcome_at, recorded_at)
                        values (:card, :outcome, cast(:accepted as jsonb), :code, :display, :comment, :outcomeAt, :now)
                        on conflict (card_id) do nothing
                        """)
                .param("card", cardId).param("outcome", outcome).param("accepted", write(accepted.stream().map(UUID::toString).toList()))
                .param("code", reason == null ? null : reason.code()).param("display", reason == null ? null : reason.display())
                .param("comment", comment).param("outcomeAt", outcomeAt).param("now", now).update() == 1;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<UUID> ids(String stored) {
        try {
            return Set.copyOf(json.readValue(stored, UUID[].class) == null ? List.of() : List.of(json.readValue(stored, UUID[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a card's suggestion ids cannot be read", e);
        }
    }
}
