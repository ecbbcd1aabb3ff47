package app.baton.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinical user broke the glass: emergency access to one patient outside their locations, until
 * {@code expiresAt}, for the stated {@code reason} (free text, kept for the compliance review).
 */
public record BreakGlassGranted(UUID grantId, String patientId, String reason, Instant expiresAt) {
}
