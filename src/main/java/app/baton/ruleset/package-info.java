/**
 * Rule set versions and their life: uploaded as a draft only if it compiles (its scenarios run and stored),
 * approved by a second clinical lead once the test gate passes, activated on every instance, retired, rolled back.
 * The files of a version never change once stored.
 *
 * <p>Its API is {@code RuleSets} (read), {@code RuleSetLifecycle} (change), {@code ActiveRuleSet}, the version records
 * and the events {@code RuleSetCreated}, {@code RuleSetApproved}, {@code RuleSetActivated} and
 * {@code RuleSetActionRefused}.
 *
 * <p>Owns tables: rule_set_version, rule_set_file, rule_set_event, rule_set_scenario_result, rule_set_compiled
 */
package app.baton.ruleset;
