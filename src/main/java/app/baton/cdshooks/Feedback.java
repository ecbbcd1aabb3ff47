package app.baton.cdshooks;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Feedback on Baton's cards: every entry is checked first (a card Baton gave this service; {@code accepted} names
 * the suggestions taken, {@code overridden} takes none and its reason is one Baton offered), and only then are all
 * stored, in one transaction: a wrong entry stores nothing.
 */
@Service
class Feedback {

    private static final int MAX_ITEMS = 100;
    private static final int MAX_COMMENT = 2000;

    private final IssuedCards issued;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Feedback(IssuedCards issued, TransactionTemplate transaction, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.issued = issued;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Checked(UUID card, String outcome, List<UUID> accepted, Card.Coding reason, String comment, OffsetDateTime at) {
    }

    void record(String serviceId, FeedbackRequest request) {
        if (Services.find(serviceId).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such CDS service");
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        List<FeedbackRequest.Item> items = request == null || request.feedback() == null ? List.of() : request.feedback();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            errors.add(new Problems.FieldError("feedback", "must hold 1 to " + MAX_ITEMS + " entries"));
        }
        for (int i = 0; i < items.size() && i < MAX_ITEMS; i++) {
            check(serviceId, items.get(i), "feedback[" + i + "]", errors).ifPresent(checked::add);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "the feedback was not stored", errors);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        transaction.executeWithoutResult(status -> {
            checked.forEach(c -> issued.record(c.card(), c.outcome(), c.accepted(), c.reason(), c.comment(), c.at(), now));
            long accepted = checked.stream().filter(c -> c.outcome().equals("accepted")).count();
            events.publishEvent(new CardFeedbackReceived(serviceId, (int) accepted, checked.size() - (int) accepted));
        });
    }

    private Optional<Checked> check(String serviceId, FeedbackRequest.Item item, String at, List<Problems.FieldError> errors) {
        int before = errors.size();
        Optional<IssuedCards.Issued> card = uuid(item.card()).flatMap(issued::find).filter(c -> c.service().equals(serviceId));
        if (card.isEmpty()) {
            errors.add(new Problems.FieldError(at + ".card", "is not the uuid of a card this service gave"));
        }
        List<UUID> accepted = new ArrayList<>();
        if (item.acceptedSuggestions() != null) {
            for (int j = 0; j < item.acceptedSuggestions().size(); j++) {
                FeedbackRequest.Accepted a = item.acceptedSuggestions().get(j);
                Optional<UUID> id = uuid(a == null ? null : a.id()).filter(u -> card.map(c -> c.suggestionIds().contains(u)).orElse(true));
                if (id.isEmpty()) {
                    errors.add(new Problems.FieldError(at + ".acceptedSuggestions[" + j + "].id", "is not a suggestion of this card"));
                }
                id.ifPresent(accepted::add);
            }
        }
        Card.Coding reason = null;
        String comment = null;
        if ("accepted".equals(item.outcome())) {
            if (accepted.isEmpty() && (item.acceptedSuggestions() == null || item.acceptedSuggestions().isEmpty())) {
                errors.add(new Problems.FieldError(at + ".acceptedSuggestions", "is required when the outcome is accepted"));
            }
            if (item.overrideReason() != null) {
                errors.add(new Problems.FieldError(at + ".overrideReason", "is only for an overridden card"));
            }
        } else if ("overridden".equals(item.outcome())) {
            if (item.acceptedSuggestions() != null && !item.acceptedSuggestions().isEmpty()) {
                errors.add(new Problems.FieldError(at + ".acceptedSuggestions", "is only for an accepted card"));
            }
            if (item.overrideReason() != null) {
                reason = reason(item.overrideReason().reason(), at, errors);
                comment = item.overrideReason().userComment();
                if (comment != null && comment.length() > MAX_COMMENT) {
                    errors.add(new Problems.FieldError(at + ".overrideReason.userComment", "is longer than " + MAX_COMMENT + " characters"));
                }
            }
        } else {
            errors.add(new Problems.FieldError(at + ".outcome", "must be accepted or overridden"));
        }
        OffsetDateTime outcomeAt = null;
        try {
            outcomeAt = item.outcomeTimestamp() == null ? null : OffsetDateTime.parse(item.outcomeTimestamp());
        } catch (DateTimeParseException e) {
            // named below
        }
        if (outcomeAt == null) {
            errors.add(new Problems.FieldError(at + ".outcomeTimestamp", "is required, an ISO-8601 date-time with offset"));
        }
        return errors.size() > before ? Optional.empty()
                : Optional.of(new Checked(card.get().id(), item.outcome(), accepted, reason, comment, outcomeAt));
    }

    /** A reason is one of the codings the card offered; its display is Baton's own, whatever the EHR sent. */
    private static Card.Coding reason(Card.Coding given, String at, List<Problems.FieldError> errors) {
        if (given == null) {
            return null;
        }
        Optional<Card.Coding> known = CardMaker.OVERRIDE_REASONS.stream()
                .filter(r -> r.code().equals(given.code()) && (given.system() == null || r.system().equals(given.system()))).findFirst();
        if (known.isEmpty()) {
            errors.add(new Problems.FieldError(at + ".overrideReason.reason", "is not one of the card's override reasons"));
        }
        return known.orElse(null);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
