package app.baton.ruleset;

import java.time.OffsetDateTime;

/** A stored rule set version, without its files. */
public record RuleSetVersion(int version, String sha256, String status, String author, String changeNote,
                             OffsetDateTime createdAt, OffsetDateTime activatedAt) {
}
