package app.baton.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

/** Emergency-access grants: who, which patient, why, until when. Kept forever for review. */
@Repository
class BreakGlassGrants {

    private final JdbcClient jdbc;

    BreakGlassGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, Identity identity, String patientId, String reason, Instant grantedAt, Instant expiresAt) {
        jdbc.sql("""
                insert into break_glass_grant (id, identity_id, identity_name, patient_id, reason, granted_at, expires_at)
                values (:id, :identityId, :identityName, :patientId, :reason, :grantedAt, :expiresAt)
                """)
                .param("id", id)
                .param("identityId", identity.id())
                .param("identityName", identity.name())
                .param("patientId", patientId)
                .param("reason", reason)
                .param("grantedAt", java.sql.Timestamp.from(grantedAt))
                .param("expiresAt", java.sql.Timestamp.from(expiresAt))
                .update();
    }

    boolean active(String identityId, String patientId, Instant now) {
        return jdbc.sql("""
                select exists (
                    select 1 from break_glass_grant
                    where identity_id = :identityId and patient_id = :patientId and expires_at > :now)
                """)
                .param("identityId", identityId)
                .param("patientId", patientId)
                .param("now", java.sql.Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }
}
