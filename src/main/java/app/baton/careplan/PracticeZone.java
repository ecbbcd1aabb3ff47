package app.baton.careplan;

import app.baton.calendar.PracticeCalendars;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Times read back from PostgreSQL, given the practice's offset (as the decision API gives them), not UTC. */
@Component
public class PracticeZone {

    private final PracticeCalendars calendars;

    PracticeZone(PracticeCalendars calendars) {
        this.calendars = calendars;
    }

    public OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.atZoneSameInstant(calendars.calendar(null, null).zone()).toOffsetDateTime();
    }
}
