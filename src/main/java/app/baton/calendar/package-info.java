/**
 * Working calendars of a practice: time zone, business days and hours, holidays (US federal or none) and extra
 * closures, for due dates that count business days the way the regulations count them.
 *
 * <p>Its API is {@code PracticeCalendars}, {@code SlaCalendar} and {@code PracticeProperties}.
 *
 * <p>Owns tables: none
 */
package app.baton.calendar;
