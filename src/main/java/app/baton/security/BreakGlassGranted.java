package app.baton.security;

import java.time.Instant;
import java.util.UUID;

/** A clinical user broke the glass: emergency access to one patient outside their locations, until {@code expiresAt}. */
public record BreakGlassGranted(UUID grantId, String patientId, Instant expiresAt) {
}
