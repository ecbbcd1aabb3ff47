package app.baton.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/** A CDS Hooks 2.0 card and its parts, as the spec names them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Card(UUID uuid, String summary, String detail, String indicator, Source source, List<Suggestion> suggestions,
            String selectionBehavior, List<Coding> overrideReasons, List<Link> links) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Source(String label, String url, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Suggestion(String label, UUID uuid, Boolean isRecommended, List<Action> actions) {
    }

    /** {@code create} and {@code update} carry the resource; {@code delete} names it by {@code resourceId}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(String type, String description, JsonNode resource, List<String> resourceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String label, String url, String type) {
    }

    /** The answer to a hook call. */
    record Response(List<Card> cards) {
    }
}
