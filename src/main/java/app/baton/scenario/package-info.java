/**
 * Test scenarios a clinical lead writes in YAML (description, given, expect): read strictly and run against a rule
 * set version, with the rules no scenario fired.
 *
 * <p>Its API is {@code ScenarioFiles}, {@code ScenarioRunner} and their records.
 *
 * <p>Owns tables: none
 */
package app.baton.scenario;
