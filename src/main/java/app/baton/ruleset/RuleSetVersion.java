package app.baton.ruleset;

import java.time.OffsetDateTime;

/**
 * A stored rule set version, without its files.
 *
 * @param status      DRAFT (uploaded, compiles), APPROVED (a second clinical lead agreed), ACTIVE (decides now)
 *                    or RETIRED (decided before; can be activated again to roll back)
 * @param baseVersion the version the upload started from, null for a whole bundle or the starter pack
 * @param gatePassed  every scenario passed and every rule was exercised; null when the version predates the gate
 */
public record RuleSetVersion(int version, String sha256, String status, String author, String changeNote,
                             OffsetDateTime createdAt, OffsetDateTime activatedAt, String approver,
                             OffsetDateTime approvedAt, String approvalNote, Integer baseVersion, Boolean gatePassed) {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";
    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";
}
