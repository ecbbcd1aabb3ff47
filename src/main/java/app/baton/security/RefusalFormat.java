package app.baton.security;

/**
 * How refusals are spoken on paths that another module owns and whose clients do not read problem documents: the
 * FHIR endpoints answer every refusal (401, 403, 405, 429, a firewall's 400...) as a FHIR {@code OperationOutcome}.
 * The security module still decides whether and why a request is refused; a format only chooses the words' form.
 * A module implements it as a bean; paths no format covers get RFC 9457 problems.
 */
public interface RefusalFormat {

    /** Whether refusals of this path (without the context path) are written in this format. */
    boolean covers(String path);

    /** The media type of {@link #body}. */
    String contentType();

    /** The answer's body for this refusal; carries no more than the refusal says (never the request). */
    byte[] body(Refusal refusal);

    /**
     * A refusal as the security module decided it.
     *
     * @param status the HTTP status
     * @param type   the problem type's name (the part after {@code urn:baton:problem:}: {@code unauthenticated},
     *               {@code forbidden}, {@code csrf-token-invalid}, {@code rate-limited}, {@code http-405},
     *               {@code database-unavailable}, {@code rejected-url}, {@code http-<status>}...)
     * @param detail what the caller can do about it
     */
    record Refusal(int status, String type, String detail) {
    }
}
