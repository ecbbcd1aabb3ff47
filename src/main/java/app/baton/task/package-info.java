/**
 * Working a task: move it through its statuses, give it to a person who may work its queue at its location, log
 * calls, letters and visits. Each change takes its plan's lock, is decided again through the care plan's
 * {@code TaskDecider} (so through the decision module) and is audited. A month's CCM review, once done, starts the
 * next month's from the plan template.
 *
 * <p>Its API is {@code TaskDesk} (for the HTTP API, FHIR and the console) and the events {@code TaskAssigned} and
 * {@code ActivityLogged}. A task's rows belong to the care plan.
 *
 * <p>Owns tables: none
 */
package app.baton.task;
