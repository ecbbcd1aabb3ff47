package app.baton.audit;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryParserTests {

    private static AuditQuery parse(String from, String to, String action, String sort, String page, String size) {
        return AuditQueryParser.parse(from, to, null, null, action, null, null, sort, page, size);
    }

    private static List<String> fieldsOf(ApiException e) {
        @SuppressWarnings("unchecked")
        List<Problems.FieldError> errors = (List<Problems.FieldError>) e.toProblem()
                .getProperties().get("errors");
        return errors.stream().map(Problems.FieldError::field).toList();
    }

    @Test
    void noParametersMeanNewestFirstFiftyAPage() {
        AuditQuery query = parse(null, null, null, null, null, null);

        assertThat(query.sort()).containsExactly(new AuditQuery.Order(AuditColumn.OCCURRED_AT, true));
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void readsTimesWithOffsetsAndCodes() {
        AuditQuery query = parse("2026-03-09T10:15:00-04:00", "2026-03-10T00:00:00Z", "EXPORT", "-actor,sequenceNumber", "2", "500");

        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-09T14:15:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(query.action()).isEqualTo(AuditAction.EXPORT);
        assertThat(query.sort()).containsExactly(new AuditQuery.Order(AuditColumn.ACTOR, true),
                new AuditQuery.Order(AuditColumn.SEQUENCE_NUMBER, false));
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(500);
    }

    @Test
    void sizeAboveFiveHundredIsRefusedByName() {
        assertThatThrownBy(() -> parse(null, null, null, null, null, "501"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(fieldsOf(e)).containsExactly("size");
                });
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertThatThrownBy(() -> parse("2026-03-09T10:15:00", "yesterday", "STEAL", "actor; drop table audit_event", "-1", "x"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fieldsOf(e))
                        .containsExactlyInAnyOrder("from", "to", "action", "sort", "page", "size"));
    }

    @Test
    void toMustBeAfterFrom() {
        assertThatThrownBy(() -> parse("2026-03-10T00:00:00Z", "2026-03-09T00:00:00Z", null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fieldsOf(e)).containsExactly("to"));
    }

    @Test
    void springDataStyleDirectionIsAnUnknownColumn() {
        assertThatThrownBy(() -> parse(null, null, null, "occurredAt,desc", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(fieldsOf(e)).containsExactly("sort"));
    }
}
