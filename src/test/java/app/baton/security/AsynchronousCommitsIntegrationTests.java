package app.baton.security;

import app.baton.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class AsynchronousCommitsIntegrationTests extends WebIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aBucketTransactionCommitsWithoutWaitingForTheWalFlushAndOnlyThatTransaction() throws SQLException {
        try (Connection connection = AsynchronousCommits.of(dataSource).getConnection()) {
            // the test database's server runs with synchronous_commit off; a production server waits for the flush
            execute(connection, "set synchronous_commit = on");
            try {
                connection.setAutoCommit(false);
                assertThat(synchronousCommit(connection)).as("in the bucket's transaction").isEqualTo("off");
                connection.commit();
                assertThat(synchronousCommit(connection)).as("in the next transaction, after the commit").isEqualTo("on");
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setAutoCommit(false);
                assertThat(synchronousCommit(connection)).isEqualTo("off");
                connection.rollback();
                connection.setAutoCommit(true);
                assertThat(synchronousCommit(connection)).as("after a rollback").isEqualTo("on");
            } finally {
                connection.setAutoCommit(true);
                execute(connection, "reset synchronous_commit");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String synchronousCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('synchronous_commit')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
