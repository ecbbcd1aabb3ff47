package app.baton.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Conversions between rows and records: text[] columns and timestamptz. */
final class SqlValues {

    private SqlValues() {
    }

    static String[] array(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().toArray(String[]::new);
    }

    static Set<String> strings(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }

    /** Roles no longer known to the code are dropped rather than failing the login. */
    static Set<Role> roles(Array array) throws SQLException {
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        return Arrays.stream((String[]) array.getArray()).filter(known::contains).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
