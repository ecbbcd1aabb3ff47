package app.baton.security;

/**
 * The access rules refused an authenticated caller (a 403 by the permission matrix, not a CSRF
 * failure): the audit trail records it as DENIED, by that caller. {@code path} is the request's path
 * without its query string (Baton keeps patient ids out of paths); {@code rule} is the matrix entry
 * that refused it. A path no entry lists (denied to everyone: scanners, guessed paths) concerns
 * no data and is not published.
 */
public record AccessRefused(String method, String path, String rule) {
}
