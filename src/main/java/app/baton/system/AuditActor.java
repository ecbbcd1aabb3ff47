package app.baton.system;

/**
 * Resolves who is acting on the current thread, for the audit trail. Baton's default answers
 * ANONYMOUS inside an HTTP request and SYSTEM outside one; a security module replaces it by
 * declaring its own bean of this type (the default is a {@code @Fallback} bean), typically reading
 * Spring Security's {@code SecurityContextHolder}.
 * <p>
 * It lives in the shared module, not in audit, because the decision module captures the actor on
 * the request thread and must not depend on audit (audit listens to decision's events).
 */
public interface AuditActor {

    /** The actor of the current thread; never null. */
    Actor current();

    /** Whether the current actor reaches this patient through emergency (break-glass) access. */
    default boolean emergencyAccess(String patientId) {
        return false;
    }
}
