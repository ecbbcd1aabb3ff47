package app.baton.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** The body of {@code POST /cds-services/{id}/feedback}: one entry per card the clinician acted on. */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedbackRequest(List<Item> feedback) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String card, String outcome, List<Accepted> acceptedSuggestions, OverrideReason overrideReason, String outcomeTimestamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Accepted(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OverrideReason(Card.Coding reason, String userComment) {
    }
}
