package app.baton.careplan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One entry for a task's activity log. What each kind needs: CALL_ATTEMPT an outcome, MESSAGE a
 * channel, NOTE a text, DOCUMENT a reference and the SHA-256 of the document, BARRIER a barrier
 * code. {@code text} is free text, so patient data: only clinical roles read it back.
 */
@Schema(description = "An activity log entry; which fields each kind needs is in docs/tracker.md")
public record ActivityRequest(@NotNull Kind kind, Outcome outcome, Channel channel, Barrier barrier, @Size(max = 4000) String text,
                       @Size(max = 500) @Pattern(regexp = DOCUMENT_REF, message = DOCUMENT_REF_RULE) String documentRef,
                       @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)") String sha256) {

    /**
     * A document reference is an identifier or a URI into another system (ASCII letters, digits and the
     * URI characters below, no spaces), never prose: free text there would be patient data shown to
     * every role that reads the task.
     */
    static final String DOCUMENT_REF = "[A-Za-z0-9][A-Za-z0-9._~:/?#@&=+%-]{0,499}";
    static final String DOCUMENT_REF_RULE = "must be a document identifier or URI: ASCII letters, digits and . _ ~ : / ? # @ & = + % - "
            + "(no spaces), starting with a letter or digit";

    public enum Kind { CALL_ATTEMPT, MESSAGE, NOTE, DOCUMENT, BARRIER }

    /** How a call went; every outcome but REACHED counts as an unsuccessful attempt. */
    public enum Outcome { REACHED, NO_ANSWER, LEFT_VOICEMAIL, WRONG_NUMBER, BUSY, DISCONNECTED }

    public enum Channel { PHONE, SMS, EMAIL, PORTAL, LETTER, FAX }

    public enum Barrier { TRANSPORTATION, LANGUAGE, COST, HOUSING, CAREGIVER, TECHNOLOGY, OTHER }

    /** The first field this kind of entry lacks, as a problem naming it. */
    public void requireFieldsOfKind() {
        switch (kind) {
            case CALL_ATTEMPT -> need(outcome != null, "outcome", "a call attempt needs its outcome");
            case MESSAGE -> need(channel != null, "channel", "a message needs its channel");
            case NOTE -> need(text != null && !text.isBlank(), "text", "a note needs its text");
            case DOCUMENT -> {
                need(documentRef != null && !documentRef.isBlank(), "documentRef", "a document needs its reference");
                need(sha256 != null, "sha256", "a document needs the SHA-256 of its content");
            }
            case BARRIER -> need(barrier != null, "barrier", "a barrier needs its code");
        }
    }

    public boolean unsuccessfulCall() {
        return kind == Kind.CALL_ATTEMPT && outcome != Outcome.REACHED;
    }

    private static void need(boolean present, String field, String message) {
        if (!present) {
            throw TrackerProblems.invalid(field, message);
        }
    }
}
