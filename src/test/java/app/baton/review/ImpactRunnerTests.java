package app.baton.review;

import app.baton.calendar.PracticeCalendars;
import app.baton.decision.DecisionResponse;
import app.baton.decision.RecordedDecisions;
import app.baton.decision.ReplayRecord;
import app.baton.decision.AskedBy;
import app.baton.decision.TaskDecision;
import app.baton.decision.TaskDecisions;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.StarterFiles;
import app.baton.ruleset.RuleSets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The runner without Spring or a database: how it reacts to a cancel seen at a progress write. */
class ImpactRunnerTests {

    static final CompiledRules STARTER = new RuleCompiler().compile("1", StarterFiles.load());
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    final ImpactAnalyses analyses = mock(ImpactAnalyses.class);
    final RecordedDecisions decisions = mock(RecordedDecisions.class);
    final RuleSets ruleSets = mock(RuleSets.class);
    final OpenWork openWork = mock(OpenWork.class);
    final TaskDecisions taskDecisions = mock(TaskDecisions.class);
    final ImpactRunner runner = new ImpactRunner(analyses, decisions, ruleSets, PracticeCalendars.withDefaults(), JSON,
            new ImpactProperties(1, 100, Duration.ZERO, Duration.ofMinutes(2)), openWork, taskDecisions);
    final UUID id = UUID.randomUUID();
    final ImpactRunner.Sample sample = new ImpactRunner.Sample(OffsetDateTime.parse("2026-01-01T00:00:00Z"),
            OffsetDateTime.parse("2026-03-10T00:00:00Z"), 1_000);

    @AfterEach
    void stop() throws InterruptedException {
        runner.stop();
    }

    @Test
    void cancelSeenAtAProgressWriteStopsTheRunAndKeepsWhatWasFound() throws Exception {
        when(ruleSets.compiled(anyInt())).thenReturn(STARTER);
        when(decisions.count(any(), anyLong())).thenReturn(1_000L);
        when(decisions.page(any(), any(), anyInt())).thenReturn(page());
        when(analyses.progress(id, 0, 1_000)).thenReturn(true);
        when(analyses.progress(id, 100, 1_000)).thenReturn(false);

        runner.run(id, 1, sample);

        verify(analyses).partialReport(eq(id), eq(100L), argThat(report -> report.contains("\"partial\":true")
                && report.contains("\"decisions\":100")));
        verify(analyses, never()).complete(any(), anyLong(), any());
        verify(decisions).page(any(), any(), anyInt());
    }

    @Test
    void runThatReachesTheEndCompletesWithTheReport() throws Exception {
        when(ruleSets.compiled(anyInt())).thenReturn(STARTER);
        when(decisions.count(any(), anyLong())).thenReturn(100L);
        when(decisions.page(any(), any(), anyInt())).thenReturn(page(), List.of());
        when(analyses.progress(eq(id), anyLong(), anyLong())).thenReturn(true);
        when(analyses.openProgress(eq(id), anyLong(), anyLong())).thenReturn(true);
        when(analyses.complete(eq(id), eq(100L), any())).thenReturn(true);

        runner.run(id, 1, sample);

        verify(analyses).complete(eq(id), eq(100L), argThat(report -> report.contains("\"partial\":false")
                && report.contains("\"replayed\":100")));
        verify(analyses, never()).fail(any(), any());
    }

    @Test
    void openTasksAreEvaluatedAfterTheDecisionsAndReportedApart() throws Exception {
        when(ruleSets.compiled(anyInt())).thenReturn(STARTER);
        when(decisions.count(any(), anyLong())).thenReturn(0L);
        when(decisions.page(any(), any(), anyInt())).thenReturn(List.of());
        when(analyses.progress(eq(id), anyLong(), anyLong())).thenReturn(true);
        when(analyses.openProgress(eq(id), anyLong(), anyLong())).thenReturn(true);
        when(analyses.complete(eq(id), eq(0L), any())).thenReturn(true);
        UUID moves = new UUID(0, 1);
        UUID stays = new UUID(0, 2);
        when(openWork.count(null)).thenReturn(2L);
        when(openWork.page(any(), anyInt(), isNull())).thenReturn(List.of(open(moves, "CARE_COORDINATION"), open(stays, "NURSING")), List.of());
        when(taskDecisions.current()).thenReturn(STARTER);
        when(taskDecisions.now()).thenReturn(ZonedDateTime.parse("2026-03-10T10:00:00-04:00[America/New_York]"));
        TaskDecision toNursing = mock(TaskDecision.class);
        when(toNursing.queue()).thenReturn("NURSING");
        when(toNursing.missingInfo()).thenReturn(List.of());
        when(toNursing.escalations()).thenReturn(List.of());
        when(taskDecisions.evaluate(eq(STARTER), any(), any(), eq(AskedBy.RE_EVALUATION))).thenReturn(toNursing);

        runner.run(id, 1, sample);

        verify(analyses).openProgress(id, 0, 2);
        ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
        verify(analyses).complete(eq(id), eq(0L), stored.capture());
        var open = JSON.readTree(stored.getValue()).path("openTasks");
        assertThat(open.path("evaluated").asInt()).isEqualTo(2);
        assertThat(open.path("changed").asInt()).isEqualTo(1);
        assertThat(open.path("unchanged").asInt()).isEqualTo(1);
        assertThat(open.path("changedByKind").path("ROUTING_MOVED").asInt()).isEqualTo(1);
        var example = open.path("examples").path("ROUTING_MOVED").get(0);
        assertThat(example.path("taskId").asText()).isEqualTo(moves.toString());
        assertThat(example.path("before").asText()).isEqualTo("CARE_COORDINATION");
        assertThat(example.path("after").asText()).isEqualTo("NURSING");
        assertThat(JSON.readTree(stored.getValue()).path("decisions").asInt()).as("the decisions' part stays apart").isZero();
    }

    @Test
    void cancelSeenWhileEvaluatingOpenTasksKeepsBothPartsAsFound() throws Exception {
        when(ruleSets.compiled(anyInt())).thenReturn(STARTER);
        when(decisions.count(any(), anyLong())).thenReturn(100L);
        when(decisions.page(any(), any(), anyInt())).thenReturn(page(), List.of());
        when(analyses.progress(eq(id), anyLong(), anyLong())).thenReturn(true);
        when(analyses.openProgress(id, 0, 1)).thenReturn(false);
        when(openWork.count(null)).thenReturn(1L);
        when(taskDecisions.current()).thenReturn(STARTER);

        runner.run(id, 1, sample);

        verify(analyses).partialReport(eq(id), eq(100L), argThat(report -> report.contains("\"partial\":true")
                && report.contains("\"replayed\":100") && report.contains("\"openTasks\":{\"evaluated\":0")));
        verify(analyses, never()).complete(any(), anyLong(), any());
        verify(openWork, never()).page(any(), anyInt(), any());
    }

    private static OpenWork.OpenTask open(UUID id, String queue) {
        // The rules are mocked: any input stands in for the task's facts (null would mean "its facts cannot be read").
        return new OpenWork.OpenTask(id, UUID.randomUUID(), queue, null, List.of(), null,
                new app.baton.engine.model.CaseInput(null, null, null, null));
    }

    private static List<ReplayRecord> page() throws Exception {
        var inputs = JSON.readTree("""
                {"carePlan": {"id": "cp-1", "program": "GENERAL"},
                 "task": {"id": "t-1", "type": "OUTREACH_CALL", "status": "NEW", "priority": "ROUTINE", "attempts": 0}}""");
        DecisionResponse response = new DecisionResponse("d", "1", null, null, null, List.of(), List.of(), List.of(), List.of());
        OffsetDateTime at = OffsetDateTime.parse("2026-03-09T10:15:00-04:00");
        return IntStream.range(0, 100).mapToObj(i -> new ReplayRecord(UUID.randomUUID(), 1, at, at, "t-" + i, inputs, response)).toList();
    }
}
