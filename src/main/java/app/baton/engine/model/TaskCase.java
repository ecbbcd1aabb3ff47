package app.baton.engine.model;

import app.baton.calendar.SlaCalendar;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fact the rules decide on: one task with the inputs the rules read (as plain codes, so a
 * table cell can say {@code TCM}) and the results the rules write. Results are taken first come,
 * first kept where a task has one of them (routing, due date); the engine fires table rows in
 * row order, so the first matching row wins.
 */
public final class TaskCase {

    private final CaseInput input;
    private final ZonedDateTime asOf;
    private final SlaCalendar calendar;
    private String firingRule;
    private int pendingLevel = 1;

    private Routing routing;
    private DueDate due;
    private final List<MissingInfo> missing = new ArrayList<>();
    private final List<NextAction> actions = new ArrayList<>();
    private final List<EscalationStep> escalations = new ArrayList<>();

    public TaskCase(CaseInput input, ZonedDateTime asOf, SlaCalendar calendar) {
        this.input = input;
        this.calendar = calendar;
        this.asOf = asOf.withZoneSameInstant(calendar.zone());
    }

    // ---- inputs, as the rules see them

    public ZonedDateTime getAsOf() { return asOf; }
    public String getTaskId() { return input.task().id(); }
    public String getProgram() { return input.carePlan().program().name(); }
    public String getStage() { return code(input.carePlan().stage()); }
    public String getComplexity() { return code(input.carePlan().complexity()); }
    public String getTaskType() { return input.task().type().name(); }
    public String getStatus() { return input.task().status().name(); }
    public String getPriority() { return input.task().priority() == null ? Priority.ROUTINE.name() : input.task().priority().name(); }
    public String getPayer() { return patient().map(CaseInput.Patient::payer).orElse(null); }
    public String getLanguage() { return patient().map(CaseInput.Patient::language).orElse(null); }
    public String getLocation() { return patient().map(CaseInput.Patient::location).orElse(null); }
    public boolean isConsentOnFile() { return patient().map(p -> Boolean.TRUE.equals(p.consentOnFile())).orElse(false); }
    /** CCM consent (cost sharing, one practitioner a month, the right to stop): its own record, not the referral consent. */
    public boolean isCcmConsentOnFile() { return patient().map(p -> Boolean.TRUE.equals(p.ccmConsentOnFile())).orElse(false); }
    public String getLineOfBusiness() { return patient().map(p -> code(p.lineOfBusiness())).orElse(null); }
    public String getItemKind() { return code(input.carePlan().itemKind()); }
    public String getDischargeSetting() { return code(input.carePlan().dischargeSetting()); }
    public String getDischargeDestination() { return code(input.carePlan().dischargeDestination()); }
    public String getReferralUrgency() { return code(input.carePlan().referralUrgency()); }
    public String getReceivingSpecialty() { return code(input.carePlan().receivingSpecialty()); }
    public int getAttempts() { return input.task().attempts() == null ? 0 : input.task().attempts(); }
    public int getMinutesThisPeriod() { return input.carePlan().minutesThisPeriod() == null ? 0 : input.carePlan().minutesThisPeriod(); }
    public ZonedDateTime getFaceToFaceAt() { return local(input.carePlan().faceToFaceAt()); }
    public boolean isOpen() { return input.task().status().isOpen(); }

    /**
     * The as-of date on the practice's calendar, as ISO text ("2026-04-01"), which orders as dates
     * do: effective-dated table rows compare it with their dates, so they follow the decision's
     * as-of instant, never the server's clock.
     */
    public String getAsOfDate() { return asOf.toLocalDate().toString(); }

    /** Business days since the task entered its status (0 on the day it did). */
    public int getBusinessDaysInStatus() {
        ZonedDateTime since = local(input.task().statusSince());
        return since == null ? 0 : calendar.businessDaysBetween(since, asOf);
    }

    /** Whole hours since the task entered its status. */
    public long getHoursInStatus() {
        ZonedDateTime since = local(input.task().statusSince());
        return since == null ? 0 : Math.max(0, Duration.between(since, asOf).toHours());
    }

    /** Calendar days from the discharge date to the as-of date, or -1 without a discharge. */
    public long getDaysSinceDischarge() {
        ZonedDateTime discharge = local(input.carePlan().dischargeAt());
        return discharge == null ? -1 : Duration.between(discharge.toLocalDate().atStartOfDay(),
                asOf.toLocalDate().atStartOfDay()).toDays();
    }

    /**
     * Business days from the discharge date to the as-of date, counted as regulations count them (weekdays except
     * holidays; the practice's closures do not matter), or -1 without a discharge. 2 on the second business day after
     * discharge: "no attempt by the end of business day 1".
     */
    public int getBusinessDaysSinceDischarge() {
        ZonedDateTime discharge = local(input.carePlan().dischargeAt());
        return discharge == null ? -1 : calendar.regulatoryBusinessDaysBetween(discharge, asOf);
    }

    /** Whether the patient has died (patient.deceasedAt given, at or before the as-of instant). */
    public boolean isDeceased() {
        ZonedDateTime died = patient().map(p -> local(p.deceasedAt())).orElse(null);
        return died != null && !died.isAfter(asOf);
    }

    /** Whether the patient is in hospice or has used hospice services (patient.inHospice). */
    public boolean isInHospice() { return patient().map(p -> Boolean.TRUE.equals(p.inHospice())).orElse(false); }

    /** Whether the patient revoked CCM consent (patient.ccmConsentRevokedAt given, at or before the as-of instant). */
    public boolean isCcmConsentRevoked() {
        ZonedDateTime revoked = patient().map(p -> local(p.ccmConsentRevokedAt())).orElse(null);
        return revoked != null && !revoked.isAfter(asOf);
    }

    /**
     * Calendar days from the discharge date to the readmission date (carePlan.readmittedAt; the discharge day itself = 0),
     * or {@link #NEVER} without a readmission or a discharge, so that "at most N days" never matches then.
     */
    public int getDaysToReadmission() { return daysFromDischarge(input.carePlan().readmittedAt()); }

    /**
     * Calendar days from the discharge date to the date of the visit that took place (carePlan.visitDoneAt: the FUH
     * follow-up visit, the TCM face-to-face visit), or {@link #NEVER} without one: a visit on the discharge date is 0.
     */
    public int getDaysToVisit() { return daysFromDischarge(input.carePlan().visitDoneAt()); }

    /**
     * The same day count for "at least" conditions: -1 without a visit (or a discharge), so that "visit on day at least
     * N" never matches a task whose visit has not taken place.
     */
    public int getVisitDay() {
        int days = getDaysToVisit();
        return days == NEVER ? -1 : days;
    }

    /** Whether the as-of instant is before the discharge (a contact then does not count toward TCM's 2 business days). */
    public boolean isBeforeDischarge() {
        ZonedDateTime discharge = local(input.carePlan().dischargeAt());
        return discharge != null && asOf.isBefore(discharge);
    }

    /** Stands in for "no such event": larger than any "at most" a table may write. */
    public static final int NEVER = Integer.MAX_VALUE;

    private int daysFromDischarge(OffsetDateTime event) {
        ZonedDateTime discharge = local(input.carePlan().dischargeAt());
        ZonedDateTime at = local(event);
        if (discharge == null || at == null) {
            return NEVER;
        }
        return (int) Duration.between(discharge.toLocalDate().atStartOfDay(), at.toLocalDate().atStartOfDay()).toDays();
    }

    /** Whether the plan has a booked visit (carePlan.faceToFaceAt: the TCM face-to-face visit, the FUH follow-up visit). */
    public boolean isVisitBooked() { return input.carePlan().faceToFaceAt() != null; }

    /**
     * The day of the month of the as-of date on the practice's calendar (1-31); 0 while the plan's period
     * (carePlan.periodStart) has not begun, so that next month's CCM task, made when this month's closes, does not
     * count this month's days.
     */
    public int getDayOfMonth() {
        java.time.LocalDate start = input.carePlan().periodStart();
        return start != null && asOf.toLocalDate().isBefore(start) ? 0 : asOf.getDayOfMonth();
    }

    CaseInput input() { return input; }
    SlaCalendar calendar() { return calendar; }

    // ---- results, written by rule consequences

    /** Called by the engine before each rule fires, so every result names its rule. */
    public void firing(String rule) { this.firingRule = rule; }

    /** Routing table, "Queue" column. */
    public void routeTo(String queue) {
        if (routing == null || routing.rule().equals(firingRule)) {
            routing = new Routing(queue.trim(), routing == null ? null : routing.role(), firingRule);
        }
    }

    /** Routing table, "Role" column: the role that works the queue. */
    public void ownedBy(String role) {
        if (routing == null || routing.rule().equals(firingRule)) {
            routing = new Routing(routing == null ? null : routing.queue(), role.trim(), firingRule);
        }
    }

    /** Sets the due date from a table term such as "2 business days after discharge". */
    public DueDate due(String term) {
        SlaTerm parsed = SlaTerm.parse(term).orElseThrow(() -> new IllegalArgumentException(
                "rule " + firingRule + ": '" + term + "' is not a due-date term"));
        return keepDue(new DueDate(this, DueDates.dueAt(this, parsed).orElse(null), parsed.text(), firingRule));
    }

    /** Sets the due date to the end of the practice's day of {@code day}: "no later than the date of" an event. */
    public DueDate dueEndOfDay(ZonedDateTime day, String basis) {
        return keepDue(new DueDate(this, calendar.endOfDay(day.withZoneSameInstant(calendar.zone()).toLocalDate()), basis, firingRule));
    }

    /** Sets the due date to a given instant, for rules whose deadline is an event (a scheduled visit). */
    public DueDate dueAt(ZonedDateTime at, String basis) {
        return keepDue(new DueDate(this, at.withZoneSameInstant(calendar.zone()), basis, firingRule));
    }

    public void flagMissing(AbsentField field, String reason) {
        missing.add(new MissingInfo(field.getName(), reason, firingRule));
    }

    public void suggest(String code, String prompt) {
        actions.add(new NextAction(code.trim(), prompt, firingRule));
    }

    /** Next-best-action table, "Action" column; the "Prompt" column then gives its words. */
    public void suggest(String code) {
        suggest(code, null);
    }

    public void prompt(String prompt) {
        int last = actions.size() - 1;
        if (last >= 0 && actions.get(last).rule().equals(firingRule)) {
            NextAction action = actions.get(last);
            actions.set(last, new NextAction(action.code(), prompt, action.rule(), action.closeAs()));
        }
    }

    /**
     * Next-best-action table, "Close task as" column: the row's action closes the task with this status (DONE or
     * CANCELLED), its prompt giving the reason. The tracker applies it as a recorded decision; the decision API reports it.
     */
    public void closeAs(String status) {
        int last = actions.size() - 1;
        if (last >= 0 && actions.get(last).rule().equals(firingRule)) {
            NextAction action = actions.get(last);
            TaskStatus closed = TaskStatus.valueOf(status.trim());
            if (closed.isOpen()) {
                throw new IllegalArgumentException("rule " + firingRule + ": a task is closed as DONE or CANCELLED, not " + closed);
            }
            actions.set(last, new NextAction(action.code(), action.prompt(), action.rule(), closed));
        }
    }

    /** Escalation table, "Level" column; the "Notify" column then adds the step. */
    public void escalationLevel(int level) {
        this.pendingLevel = level;
    }

    /**
     * Adds an escalation step. "QUEUE_LEAD" means the lead of the queue the task is routed to; it
     * is resolved when the results are read, because routing may fire after the escalation row.
     */
    public void escalate(String notify, DueDate dueDate) {
        escalations.add(new EscalationStep(pendingLevel, notify.trim(),
                EscalationKeys.key(getTaskId(), pendingLevel, dueDate.getDueAt()), firingRule));
    }

    public Optional<Routing> routing() { return Optional.ofNullable(routing); }
    public Optional<DueDate> dueDate() { return Optional.ofNullable(due); }
    public List<MissingInfo> missingInfo() { return List.copyOf(missing); }
    public List<NextAction> nextActions() { return List.copyOf(actions); }
    public List<EscalationStep> escalations() {
        return escalations.stream().map(step -> Queue.ROUTED_QUEUE_LEAD.equals(step.recipient()) && routing != null && routing.queue() != null
                ? new EscalationStep(step.level(), routing.queue() + "_LEAD", step.key(), step.rule()) : step).toList();
    }

    private DueDate keepDue(DueDate candidate) {
        if (due == null) {
            due = candidate;
        }
        return due;
    }

    private Optional<CaseInput.Patient> patient() { return Optional.ofNullable(input.patient()); }

    ZonedDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(calendar.zone());
    }

    private static String code(Enum<?> value) { return value == null ? null : value.name(); }
}
