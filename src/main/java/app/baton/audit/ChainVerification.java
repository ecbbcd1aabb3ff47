package app.baton.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * The result of walking the audit chain: intact with its length and head, or the first entry that
 * does not fit (its sequence number, id and why); and how many entries were staged, not yet linked
 * (they are not part of this verification). {@code fromSequenceNumber} is the checkpoint the walk started after
 * (null for a walk from the first entry), and then {@code entries} counts the entries after it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, long entries, Long lastSequenceNumber, String lastHash,
                                BrokenEntry firstBroken, long stagedEntries, Long fromSequenceNumber,
                                Instant verifiedAt) {

    public record BrokenEntry(long sequenceNumber, UUID id, String reason) {
    }

    public String describe() {
        return intact
                ? "audit chain intact: " + entries + " entries"
                        + (fromSequenceNumber == null ? "" : " after checkpoint " + fromSequenceNumber)
                        + (lastSequenceNumber == null ? "" : ", head " + lastSequenceNumber + " " + lastHash)
                        + ", " + stagedEntries + " staged"
                : "audit chain broken at entry " + firstBroken.sequenceNumber()
                        + (firstBroken.id() == null ? "" : " (id " + firstBroken.id() + ")") + ": " + firstBroken.reason();
    }
}
