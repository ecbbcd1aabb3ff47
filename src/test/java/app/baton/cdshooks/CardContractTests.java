package app.baton.cdshooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDS Hooks 2.0 rules a card keeps, one at a time: a card that breaks one is never sent. */
class CardContractTests {

    private static final Card.Source SOURCE = new Card.Source("Baton", null, new Card.Coding(CardMaker.TOPIC_SYSTEM, "1|row", "row"));
    private static final Card.Action UPDATE = new Card.Action("update", "Update the task",
            JsonNodeFactory.instance.objectNode().put("resourceType", "Task"), null);

    private static Card card(String summary, List<Card.Suggestion> suggestions, String selection, List<Card.Coding> reasons) {
        return new Card(UUID.randomUUID(), summary, null, "info", SOURCE, suggestions, selection, reasons, List.of());
    }

    private static Card.Suggestion suggestion(Card.Action action) {
        return new Card.Suggestion("Do it", UUID.randomUUID(), true, List.of(action));
    }

    @Test
    void aWellMadeCardBreaksNoRule() {
        assertThat(CardContract.problems(card("Call the patient", List.of(suggestion(UPDATE)), "at-most-one", CardMaker.OVERRIDE_REASONS)))
                .isEmpty();
    }

    @Test
    void summaryMustBeUnder140Characters() {
        assertThat(CardContract.problems(card("x".repeat(139), List.of(), null, CardMaker.OVERRIDE_REASONS))).isEmpty();
        assertThat(CardContract.problems(card("x".repeat(140), List.of(), null, CardMaker.OVERRIDE_REASONS)))
                .containsExactly("summary must be 1 to 139 characters");
        assertThatThrownBy(() -> CardContract.checked(card("x".repeat(200), List.of(), null, List.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLongPromptIsCutToFitTheSummary() {
        String summary = CardMaker.summary("y".repeat(400));
        assertThat(summary).hasSize(139).endsWith("…");
        assertThat(CardMaker.summary("short")).isEqualTo("short");
    }

    @Test
    void suggestionsNeedASelectionBehavior() {
        assertThat(CardContract.problems(card("Call", List.of(suggestion(UPDATE)), null, List.of())))
                .containsExactly("selectionBehavior is required with suggestions (at-most-one or any)");
        assertThat(CardContract.problems(card("Call", List.of(suggestion(UPDATE)), "all", List.of()))).hasSize(1);
    }

    @Test
    void overrideReasonsNeedADisplay() {
        assertThat(CardContract.problems(card("Call", List.of(), null,
                List.of(new Card.Coding(CardMaker.OVERRIDE_SYSTEM, "later", null)))))
                .containsExactly("override reason later needs system, code and display");
        assertThat(CardMaker.OVERRIDE_REASONS).allSatisfy(reason -> assertThat(reason.display()).isNotBlank());
    }

    @Test
    void aDeleteActionNamesItsResourceId() {
        Card.Action deleteWithoutId = new Card.Action("delete", "Remove the task", null, null);
        assertThat(CardContract.problems(card("Call", List.of(suggestion(deleteWithoutId)), "any", List.of())))
                .containsExactly("suggestion Do it: a delete action names its resourceId");
        Card.Action delete = new Card.Action("delete", "Remove the task", null, List.of("Task/123"));
        assertThat(CardContract.problems(card("Call", List.of(suggestion(delete)), "any", List.of()))).isEmpty();
    }

    @Test
    void createAndUpdateCarryTheirResourceAndEverySuggestionItsUuid() {
        Card.Action bare = new Card.Action("create", "Create the task", null, null);
        assertThat(CardContract.problems(card("Call", List.of(suggestion(bare)), "any", List.of())))
                .containsExactly("suggestion Do it: a create action carries its resource");
        Card.Suggestion noUuid = new Card.Suggestion("Do it", null, true, List.of(UPDATE));
        assertThat(CardContract.problems(card("Call", List.of(noUuid), "any", List.of())))
                .containsExactly("suggestion Do it: uuid is missing");
        assertThat(CardContract.problems(new Card(null, "Call", null, "info", SOURCE, List.of(), null, List.of(), List.of())))
                .containsExactly("uuid is missing");
    }

    @Test
    void linksAreAbsolute() {
        Card relative = new Card(UUID.randomUUID(), "Call", null, "info", SOURCE, List.of(), null, List.of(),
                List.of(new Card.Link("Open", "/console/tasks/1", "absolute")));
        assertThat(CardContract.problems(relative)).containsExactly("link Open needs an absolute URL and a type");
    }

    @Test
    void aHookCallWithFhirAuthorizationButNoFhirServerIsRefused() {
        HookRequest request = new HookRequest("patient-view", "h-1", null,
                new HookRequest.FhirAuthorization("t", "Bearer", 300, "patient/*.read", "baton"),
                JsonNodeFactory.instance.objectNode().put("patientId", "pt-1"), null);
        assertThatThrownBy(() -> HookCalls.checked(Services.find("patient-view").orElseThrow(), request))
                .hasMessageContaining("1 rule");
    }
}
