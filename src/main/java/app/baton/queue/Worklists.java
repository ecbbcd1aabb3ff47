package app.baton.queue;

import app.baton.careplan.OpenTaskPages;
import app.baton.careplan.TaskQueries;
import app.baton.careplan.TaskRow;
import app.baton.careplan.TrackerAccess;
import app.baton.careplan.TrackerProblems;
import app.baton.careplan.Views;
import app.baton.careplan.TaskView;

import app.baton.decision.TaskDecisions;
import app.baton.security.CurrentIdentity;
import app.baton.security.Identity;
import app.baton.security.PatientDataCategory;
import app.baton.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Work lists as one in-process service, for the HTTP API, FHIR and the console alike: a queue's open tasks, the
 * caller's own, and a search across queues, each only at the caller's locations, shaped for the caller's roles
 * (minimum necessary) and audited once per page shown.
 */
@Service
public class Worklists {

    private final TrackerAccess access;
    private final OpenTaskPages pages;
    private final Views views;
    private final TaskDecisions rules;
    private final ApplicationEventPublisher events;
    private final TaskQueries queries;

    Worklists(TrackerAccess access, OpenTaskPages pages, Views views, TaskDecisions rules, ApplicationEventPublisher events,
              TaskQueries queries) {
        this.access = access;
        this.pages = pages;
        this.views = views;
        this.rules = rules;
        this.events = events;
        this.queries = queries;
    }

    /** What a work list asks for, as query parameters give it (each null when not given). */
    public record Filter(String stage, String program, String location, String overdue, Integer limit, String cursor) {
    }

    /**
     * A queue's open tasks at the caller's locations, earliest due first (so overdue work leads), then priority;
     * only a queue the caller's roles list ({@link QueueReaders}). Each page shown is audited once.
     */
    public QueuePage queue(String queue, Filter f) {
        QueueReaders.checked(queue, () -> events.publishEvent(new TaskListRefused(queue)));
        QueueFilter filter = filter(f);
        return audited("queue", queue, f, page(pages.inQueue(queue, filter.page(rules.now().toOffsetDateTime())), filter));
    }

    /** scope "role" (or null): the tasks of the caller's roles' queues; "me": the tasks given to the caller. */
    public QueuePage mine(String scope, Filter f) {
        Identity me = me();
        QueueFilter filter = filter(f);
        OffsetDateTime now = rules.now().toOffsetDateTime();
        Set<String> queues = QueueReaders.ofCurrentCaller();
        if (scope == null || scope.equals("role")) {
            Set<String> roles = me.roles().stream().map(Role::name).collect(Collectors.toSet());
            return audited("my-roles", null, f, page(pages.ofRoles(roles, queues, filter.page(now)), filter));
        }
        if (scope.equals("me")) {
            return audited("my-own", null, f, page(pages.givenTo(me.name(), queues, filter.page(now)), filter));
        }
        throw TrackerProblems.invalid("scope", "role or me");
    }

    /**
     * Tasks across queues at the caller's locations, shaped for the caller's roles like {@link #task}. The page is audited as a
     * list (criteria named, a patient never), and each task on it as a read of its patient's data.
     */
    public TaskSearch.Page search(TaskSearch search) {
        List<TaskRow> rows = queries.search(new TaskQueries.Search(search.patient(), search.statuses(), search.owner(),
                search.changedFrom(), search.changedBefore(), callerLocations(), search.count(), search.offset()));
        boolean more = rows.size() > search.count();
        List<TaskRow> shown = more ? rows.subList(0, search.count()) : rows;
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "patient", search.patient() == null ? null : "given");
        put(filters, "status", search.statuses() == null || search.statuses().isEmpty() ? null
                : String.join(",", search.statuses().stream().map(Enum::name).sorted().toList()));
        put(filters, "owner", search.owner() == null ? null : "given");
        put(filters, "changedFrom", search.changedFrom() == null ? null : search.changedFrom().toString());
        put(filters, "changedBefore", search.changedBefore() == null ? null : search.changedBefore().toString());
        filters.put("page", search.offset() == 0 ? "first" : "offset " + search.offset());
        events.publishEvent(new TaskListRead("search", null, filters, shown.size()));
        shown.forEach(t -> access.read("task", t.id(), t.patientId()));
        return new TaskSearch.Page(shown.stream().map(views::task).toList(), more);
    }

    private QueueFilter filter(Filter f) {
        return QueueFilter.of(f.stage(), f.program(), f.location(), f.overdue(), f.limit(), f.cursor(), callerLocations());
    }

    private QueuePage audited(String list, String queue, Filter f, QueuePage page) {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "stage", f.stage());
        put(filters, "program", f.program());
        // a location filter is free text until it matches a location: only a code-like one is kept
        put(filters, "location", f.location() == null || f.location().matches("[A-Za-z0-9_.-]{1,64}") ? f.location() : "(not a location code)");
        put(filters, "overdue", f.overdue());
        filters.put("page", f.cursor() == null ? "first" : f.cursor());
        events.publishEvent(new TaskListRead(list, queue, filters, page.tasks().size()));
        return page;
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }

    private QueuePage page(List<TaskRow> rows, QueueFilter filter) {
        boolean more = rows.size() > filter.limit();
        List<TaskRow> shown = more ? rows.subList(0, filter.limit()) : rows;
        boolean demographic = views.categories().contains(PatientDataCategory.DEMOGRAPHIC);
        List<QueuePage.Item> items = shown.stream().map(t -> new QueuePage.Item(t.id(), t.planId(), t.intakeId(), t.patientId(),
                demographic ? t.location() : null, t.program().name(), t.type().name(), t.status().name(), t.stage().name(),
                t.priority().name(), t.queue(), t.role(), t.ownerUser(), t.dueAt(), views.overdue(t),
                t.nextAction() == null ? null : t.nextAction().code(), t.nextAction() == null ? null : t.nextAction().prompt(),
                t.version())).toList();
        TaskRow last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? QueueFilter.Cursor.of(OpenTaskPages.Key.of(last)).encode() : null;
        return new QueuePage(items, next, filter.limit());
    }

    private static Identity me() {
        return CurrentIdentity.find().orElseThrow(() -> new IllegalStateException("no caller on an authenticated path"));
    }

    /** The caller's locations, or null when the caller sees every location. */
    private static Set<String> callerLocations() {
        Identity me = me();
        return me.locations().contains(Identity.ALL_LOCATIONS) ? null : me.locations();
    }
}
