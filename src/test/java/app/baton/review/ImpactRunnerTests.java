package app.baton.review;

import app.baton.calendar.PracticeCalendars;
import app.baton.decision.DecisionResponse;
import app.baton.decision.RecordedDecisions;
import app.baton.decision.ReplayRecord;
import app.baton.engine.CompiledRules;
import app.baton.engine.RuleCompiler;
import app.baton.engine.StarterFiles;
import app.baton.ruleset.RuleSets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
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
    final ImpactRunner runner = new ImpactRunner(analyses, decisions, ruleSets, PracticeCalendars.withDefaults(), JSON,
            new ImpactProperties(1, 100, Duration.ZERO, Duration.ofMinutes(2)));
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
        when(analyses.complete(eq(id), eq(100L), any())).thenReturn(true);

        runner.run(id, 1, sample);

        verify(analyses).complete(eq(id), eq(100L), argThat(report -> report.contains("\"partial\":false")
                && report.contains("\"replayed\":100")));
        verify(analyses, never()).fail(any(), any());
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
