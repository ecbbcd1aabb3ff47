package app.baton.system;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL going away reaches the handler in many wrappings (seen with a real server stopped under
 * load: CannotCreateTransactionException from the recorder's transaction). Each is a 503 the client
 * may retry, not a 500.
 */
class DatabaseAwayProblemTests {

    final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void noTransactionBecauseNoConnectionIsA503() {
        assertThat(type(handler.databaseAway(new CannotCreateTransactionException("Could not open JDBC Connection"))))
                .isEqualTo("urn:baton:problem:database-unavailable");
    }

    @Test
    void aConnectionThatBrokeUnderAStatementIsA503WhateverWrapsIt() {
        RuntimeException wrapped = new IllegalStateException("recording failed",
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")));
        RuntimeException refused = new IllegalStateException(new SQLException("Connection refused", "08001"));

        assertThat(handler.unexpected(wrapped).getStatusCode().value()).isEqualTo(503);
        assertThat(handler.unexpected(refused).getStatusCode().value()).isEqualTo(503);
        assertThat(handler.unexpected(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed"))
                .getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void otherFailuresStay500() {
        ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException(new SQLException("syntax error", "42601")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(type(answer)).isEqualTo("urn:baton:problem:internal-error");
    }

    static String type(ResponseEntity<Object> answer) {
        return ((ProblemDetail) answer.getBody()).getType().toString();
    }
}
