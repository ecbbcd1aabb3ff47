/**
 * The facts the rules read and the results they write: the vocabulary shared by the DRL in
 * {@code rules/}, the decision tables in {@code decision-tables/} and the decision API.
 */
@org.springframework.modulith.NamedInterface("model")
package app.baton.engine.model;
