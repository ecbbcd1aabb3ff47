/**
 * FHIR R4 on top of Baton's own paths (docs/fhir.md): tasks and care plans read as FHIR {@code Task} and
 * {@code CarePlan}, a FHIR Task decided through the decision module (recorded, with its rule set version and
 * rows), discharges and referrals taken in as FHIR {@code Encounter}, {@code Bundle} and {@code ServiceRequest}
 * through the tracker's intake. Every FHIR input is validated against base R4 before anything is done with it;
 * a failure is an {@code OperationOutcome} naming each issue by its FHIRPath location.
 *
 * <p>It owns no data: reads and writes go through the tracker and decision modules, which check access,
 * apply minimum necessary and audit, exactly as for the JSON API.
 *
 * <p>Owns tables: none
 */
package app.baton.fhir;
