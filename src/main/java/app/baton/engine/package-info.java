/**
 * The rule engine: compiles a rule set bundle (DRL and Excel decision tables, each generated rule keeping its
 * {@code file#Sheet!row}) into a Drools rule unit, and evaluates a task or a plan template with it. No Spring state
 * and no database: the fact model is {@code engine.model}, the table translation is internal.
 *
 * <p>Its API is {@code RuleCompiler}, {@code CompiledRules}, {@code Evaluation}, {@code PlanEvaluation},
 * {@code RuleFile}, {@code RuleSource}, {@code ShippedRules} and the fact model.
 *
 * <p>Owns tables: none
 */
package app.baton.engine;
