package app.baton.review;

import app.baton.review.ImpactReport.Example;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Adds up the outcomes of one analysis's replays into its report. Used by one thread at a time. */
final class ImpactTally {

    static final int EXAMPLES_PER_KIND = 5;
    private static final int SHIFTS_LISTED = 20;

    enum Kind {
        ROUTING_MOVED, DUE_EARLIER, DUE_LATER, DUE_ADDED, DUE_REMOVED, MISSING_INFO_ADDED, MISSING_INFO_REMOVED,
        PROMPT_ADDED, PROMPT_REMOVED, ESCALATION_ADDED, ESCALATION_REMOVED, NOT_REPLAYABLE, FAILED
    }

    private final int candidateVersion;
    private long replayed;
    private long unchanged;
    private long changed;
    private long notReplayable;
    private long failed;
    private long queueOrDueChanged;
    private final Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
    private final Map<List<String>, Long> moves = new LinkedHashMap<>();
    private final Map<Long, Long> shiftsInMinutes = new TreeMap<>();
    private final Map<String, Long> missingAdded = new TreeMap<>();
    private final Map<String, Long> missingRemoved = new TreeMap<>();
    private final Map<String, Long> promptsAdded = new TreeMap<>();
    private final Map<String, Long> promptsRemoved = new TreeMap<>();
    private final Map<String, Long> escalationsAdded = new TreeMap<>();
    private final Map<String, Long> escalationsRemoved = new TreeMap<>();
    private final Map<String, Long> notReplayableFields = new TreeMap<>();
    private final Map<String, Long> failures = new TreeMap<>();
    private final Map<Kind, List<Example>> examples = new EnumMap<>(Kind.class);

    ImpactTally(int candidateVersion) {
        this.candidateVersion = candidateVersion;
    }

    void notReplayable(String decisionId, String taskId, List<String> missingFields) {
        notReplayable++;
        missingFields.forEach(f -> notReplayableFields.merge(f, 1L, Long::sum));
        example(Kind.NOT_REPLAYABLE, decisionId, taskId, "inputs not kept: " + String.join(", ", missingFields), null);
    }

    void failed(String decisionId, String taskId, String reason) {
        failed++;
        failures.merge(reason, 1L, Long::sum);
        example(Kind.FAILED, decisionId, taskId, reason, null);
    }

    /** One replayed decision: what it was, what the candidate decides. */
    void replayed(String decisionId, String taskId, Outcome before, Outcome after) {
        replayed++;
        boolean any = false;
        if (!Objects.equals(before.queue(), after.queue())) {
            moves.merge(List.of(label(before.queue()), label(after.queue())), 1L, Long::sum);
            any |= count(Kind.ROUTING_MOVED, decisionId, taskId, label(before.queue()), label(after.queue()));
        }
        boolean dueMoves = dueDate(decisionId, taskId, before.dueAt(), after.dueAt());
        queueOrDueChanged += any || dueMoves ? 1 : 0;
        any |= dueMoves;
        any |= items(Kind.MISSING_INFO_ADDED, Kind.MISSING_INFO_REMOVED, missingAdded, missingRemoved, decisionId, taskId, before.missingInfo(), after.missingInfo());
        any |= items(Kind.PROMPT_ADDED, Kind.PROMPT_REMOVED, promptsAdded, promptsRemoved, decisionId, taskId, before.prompts(), after.prompts());
        any |= items(Kind.ESCALATION_ADDED, Kind.ESCALATION_REMOVED, escalationsAdded, escalationsRemoved, decisionId, taskId, before.escalations(), after.escalations());
        if (any) {
            changed++;
        } else {
            unchanged++;
        }
    }

    private boolean dueDate(String decisionId, String taskId, LocalDateTime before, LocalDateTime after) {
        if (Objects.equals(before, after)) {
            return false;
        }
        if (before == null || after == null) {
            return count(before == null ? Kind.DUE_ADDED : Kind.DUE_REMOVED, decisionId, taskId, text(before), text(after));
        }
        long minutes = Duration.between(before, after).toMinutes();
        shiftsInMinutes.merge(minutes, 1L, Long::sum);
        return count(minutes < 0 ? Kind.DUE_EARLIER : Kind.DUE_LATER, decisionId, taskId,
                text(before), text(after) + " (" + shift(minutes) + ")");
    }

    private boolean items(Kind addedKind, Kind removedKind, Map<String, Long> added, Map<String, Long> removed,
                          String decisionId, String taskId, List<String> before, List<String> after) {
        List<String> gained = after.stream().filter(i -> !before.contains(i)).distinct().toList();
        List<String> lost = before.stream().filter(i -> !after.contains(i)).distinct().toList();
        gained.forEach(i -> added.merge(i, 1L, Long::sum));
        lost.forEach(i -> removed.merge(i, 1L, Long::sum));
        boolean any = false;
        if (!gained.isEmpty()) {
            any = count(addedKind, decisionId, taskId, String.join(", ", before), String.join(", ", after));
        }
        if (!lost.isEmpty()) {
            any = count(removedKind, decisionId, taskId, String.join(", ", before), String.join(", ", after));
        }
        return any;
    }

    private boolean count(Kind kind, String decisionId, String taskId, String before, String after) {
        byKind.merge(kind, 1L, Long::sum);
        example(kind, decisionId, taskId, before, after);
        return true;
    }

    private void example(Kind kind, String decisionId, String taskId, String before, String after) {
        List<Example> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_KIND) {
            list.add(new Example(decisionId, taskId, before, after));
        }
    }

    ImpactReport report(boolean partial) {
        return report(partial, null);
    }

    /** The report, with the open tasks' part when it ran ({@code openTasks} null: it did not). */
    ImpactReport report(boolean partial, ImpactReport.OpenTasks openTasks) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        byKind.forEach((k, n) -> kinds.put(k.name(), n));
        Map<String, List<Example>> shown = new LinkedHashMap<>();
        examples.forEach((k, list) -> shown.put(k.name(), List.copyOf(list)));
        List<ImpactReport.Move> routing = moves.entrySet().stream()
                .map(e -> new ImpactReport.Move(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingLong(ImpactReport.Move::count).reversed()).toList();
        List<ImpactReport.Shift> shifts = shiftsInMinutes.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(SHIFTS_LISTED)
                .map(e -> new ImpactReport.Shift(shift(e.getKey()), e.getValue())).toList();
        Long earliest = shiftsInMinutes.keySet().stream().filter(m -> m < 0).findFirst().orElse(null);
        Long latest = shiftsInMinutes.keySet().stream().filter(m -> m > 0).reduce((a, b) -> b).orElse(null);
        return new ImpactReport(candidateVersion, partial, replayed + notReplayable + failed, replayed, unchanged, changed,
                notReplayable, failed, kinds, routing,
                new ImpactReport.DueDates(n(Kind.DUE_EARLIER), n(Kind.DUE_LATER), n(Kind.DUE_ADDED), n(Kind.DUE_REMOVED),
                        earliest == null ? null : shift(earliest), latest == null ? null : shift(latest), shifts),
                new ImpactReport.Items(missingAdded, missingRemoved), new ImpactReport.Items(promptsAdded, promptsRemoved),
                new ImpactReport.Items(escalationsAdded, escalationsRemoved), notReplayableFields, failures, shown, openTasks);
    }

    /** This tally read as the open tasks' part of a report: the same counts and examples, of tasks. */
    ImpactReport.OpenTasks openTasks() {
        ImpactReport all = report(false);
        return new ImpactReport.OpenTasks(replayed + failed, unchanged, changed, queueOrDueChanged, failed, all.changedByKind(), all.routingMoves(),
                all.dueDates(), all.missingInfo(), all.prompts(), all.escalations(), all.failures(), all.examples());
    }

    private long n(Kind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    /** A shift in the practice's local time: whole days, else whole hours, else minutes. */
    static String shift(long minutes) {
        String sign = minutes < 0 ? "-" : "+";
        long m = Math.abs(minutes);
        if (m % (24 * 60) == 0) {
            long days = m / (24 * 60);
            return sign + days + (days == 1 ? " day" : " days");
        }
        if (m % 60 == 0) {
            return sign + m / 60 + (m == 60 ? " hour" : " hours");
        }
        return sign + m + " minutes";
    }

    private static String label(String queue) {
        return queue == null ? "(no queue)" : queue;
    }

    private static String text(LocalDateTime time) {
        return time == null ? "(no due date)" : time.toString();
    }

    /**
     * What one decision came to, in comparable terms: the queue, the due date in the practice's
     * local time, and the missing fields, prompt codes and escalation steps, each sorted.
     */
    record Outcome(String queue, LocalDateTime dueAt, List<String> missingInfo, List<String> prompts, List<String> escalations) {
    }
}
