package app.baton.security;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connections whose transactions commit without waiting for PostgreSQL to flush their WAL to disk
 * ({@code synchronous_commit = off}, set for each transaction only, so a pooled connection goes back as it came). For the
 * rate-limit buckets alone: a bucket's state is not something Baton acknowledged to anyone, and a database crash loses at
 * most the last few hundred milliseconds of token counts (a client may get that much budget again), never a decision or
 * an audit entry. Without it, every synchronization of a busy key's bucket waited behind the WAL flush of the decisions
 * committed just before it, and the requests parked on that synchronization with it.
 */
final class AsynchronousCommits {

    private AsynchronousCommits() {
    }

    static DataSource of(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return asynchronous(super.getConnection());
            }
        };
    }

    private static Connection asynchronous(Connection connection) {
        return (Connection) Proxy.newProxyInstance(AsynchronousCommits.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                        // the first statement of the transaction the driver begins: it lasts until its commit or rollback
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("set local synchronous_commit = off");
                        }
                    }
                    return result;
                });
    }
}
