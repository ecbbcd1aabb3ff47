package app.baton.careplan;

import app.baton.decision.DecisionResponse;
import app.baton.decision.TaskDecisions;
import app.baton.security.MinimumNecessary;
import app.baton.security.PatientDataCategory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static app.baton.security.PatientDataCategory.APPOINTMENT;
import static app.baton.security.PatientDataCategory.CLINICAL;
import static app.baton.security.PatientDataCategory.CONSENT;
import static app.baton.security.PatientDataCategory.DEMOGRAPHIC;
import static app.baton.security.PatientDataCategory.PAYER;
import static app.baton.security.PatientDataCategory.SERVICE_TIME;

/**
 * Shapes plans and tasks for the caller (minimum necessary, security/MinimumNecessary): billing
 * sees the payer but not clinical facts or note text; leadership sees identifiers, statuses and
 * dates only. What is left out is named in {@code withheld}.
 */
@Component
public class Views {

    private final MinimumNecessary minimumNecessary;
    private final Activities activities;
    private final Dependents dependents;
    private final TaskDecisions rules;

    Views(MinimumNecessary minimumNecessary, Activities activities, Dependents dependents, TaskDecisions rules) {
        this.minimumNecessary = minimumNecessary;
        this.activities = activities;
        this.dependents = dependents;
        this.rules = rules;
    }

    public TaskView task(TaskRow t) {
        Set<PatientDataCategory> sees = categories();
        Set<String> withheld = new TreeSet<>();
        List<TaskView.Activity> log = new ArrayList<>();
        for (Activities.ActivityRow a : activities.of(t.id())) {
            boolean showText = sees.contains(CLINICAL);
            if (a.text() != null && !showText) {
                withheld.add("activities.text");
            }
            log.add(new TaskView.Activity(a.id(), a.kind(), a.outcome(), a.channel(), a.barrier(), showText ? a.text() : null,
                    a.documentRef(), a.sha256(), a.actor(), a.occurredAt()));
        }
        String location = shown(sees, DEMOGRAPHIC, "location", t.location(), withheld);
        Set<String> allowed = t.purpose() == TaskRow.Purpose.MISSING_INFO ? Set.of()
                : Transitions.allowed(t.status(), dependents.prerequisiteOpen(t)).stream().map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        return new TaskView(t.id(), t.planId(), t.intakeId(), t.purpose().name(), t.patientId(), location, t.program().name(),
                t.type().name(), t.status().name(), allowed, t.prerequisiteId(), t.stage().name(), t.priority().name(),
                new TaskView.Owner(t.queue(), t.role(), t.ownerUser(), t.routingRule(), source(t, t.routingRule())),
                t.dueAt() == null ? null : new TaskView.Due(t.dueAt(), t.slaBasis(), t.dueRule(), source(t, t.dueRule()), t.dueRuleSetVersion(),
                        t.dueDecisionId()),
                overdue(t), t.nextAction(), t.missingInfo(), t.attempts(), t.ruleSetVersion(), t.trace(), t.decisionId(), t.createdAt(), t.statusSince(),
                t.version(), log, List.copyOf(withheld));
    }

    public PlanView plan(Plans.PlanRow p, List<TaskRow> tasks, ClosureCheck.Result closure) {
        Set<PatientDataCategory> sees = categories();
        Set<String> withheld = new TreeSet<>();
        CaseFacts f = p.facts();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("priority", f.priorityOrRoutine().name());
        put(facts, sees, PAYER, withheld, "payer", f.payer());
        put(facts, sees, PAYER, withheld, "memberIdOnFile", f.memberIdOnFile());
        put(facts, sees, DEMOGRAPHIC, withheld, "language", f.language());
        put(facts, sees, DEMOGRAPHIC, withheld, "location", f.location());
        put(facts, sees, CONSENT, withheld, "consentOnFile", f.consentOnFile());
        put(facts, sees, CLINICAL, withheld, "complexity", f.complexity());
        put(facts, sees, CLINICAL, withheld, "dischargeAt", f.dischargeAt());
        put(facts, sees, APPOINTMENT, withheld, "faceToFaceAt", f.faceToFaceAt());
        put(facts, sees, CLINICAL, withheld, "referralReasonOnFile", f.referralReasonOnFile());
        put(facts, sees, CLINICAL, withheld, "referringProviderOnFile", f.referringProviderOnFile());
        put(facts, sees, SERVICE_TIME, withheld, "periodStart", f.periodStart());
        put(facts, sees, SERVICE_TIME, withheld, "minutesThisPeriod", f.minutesThisPeriod());
        String note = shown(sees, CLINICAL, "reopenNote", p.reopenNote(), withheld);
        List<PlanView.TaskSummary> summaries = tasks.stream().map(t -> new PlanView.TaskSummary(t.id(), t.type().name(), t.status().name(),
                t.prerequisiteId(), t.queue(), t.role(), t.ownerUser(), t.dueAt(), t.nextAction() == null ? null : t.nextAction().code(),
                t.version())).toList();
        boolean closed = p.status() == Plans.Status.CLOSED;
        return new PlanView(p.id(), p.intakeId(), p.patientId(), f.program().name(), p.status().name(), closed, p.ruleSetVersion(),
                p.templateRules(), facts, List.copyOf(withheld), summaries,
                new PlanView.Closure(closure.met(), closure.ruleSetVersion(), closure.items()), p.createdAt(), p.closedAt(),
                p.reopenReason(), note, p.version());
    }

    public boolean overdue(TaskRow t) {
        return t.status().isOpen() && t.dueAt() != null && t.dueAt().toInstant().isBefore(rules.now().toInstant());
    }

    public Set<PatientDataCategory> categories() {
        Set<PatientDataCategory> sees = minimumNecessary.forCurrentCaller();
        return sees.isEmpty() ? EnumSet.noneOf(PatientDataCategory.class) : EnumSet.copyOf(sees);
    }

    private static String source(TaskRow t, String rule) {
        return rule == null ? null : t.trace().stream().filter(tr -> rule.equals(tr.rule())).map(DecisionResponse.TraceEntry::source)
                .findFirst().orElse(null);
    }

    private static <T> T shown(Set<PatientDataCategory> sees, PatientDataCategory category, String name, T value, Set<String> withheld) {
        if (sees.contains(category)) {
            return value;
        }
        if (value != null) {
            withheld.add(name);
        }
        return null;
    }

    private static void put(Map<String, Object> facts, Set<PatientDataCategory> sees, PatientDataCategory category, Set<String> withheld,
                            String name, Object value) {
        Object shown = shown(sees, category, name, value, withheld);
        if (shown != null) {
            facts.put(name, shown);
        }
    }
}
