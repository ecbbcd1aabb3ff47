package app.baton.ruleset;

/**
 * A rule set action the caller's role allows was refused to this caller by the lifecycle's own rule:
 * the author of a draft tried to approve it (four eyes). Published after the refused transaction
 * ended, so that the audit trail keeps it.
 */
public record RuleSetActionRefused(int version, String action, String reason) {
}
