package app.baton.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The matrix read as the filter chain reads it; writes docs/security-matrix.md from it. */
class PermissionMatrixTests {

    private static final Path DOC = Path.of("docs/security-matrix.md");

    @Test
    void firstMatchingEntryDecides() {
        assertThat(PermissionMatrix.permissionFor(HttpMethod.POST, "/api/v1/decisions/batch").orElseThrow().pattern())
                .isEqualTo("/api/v1/decisions/batch");
        assertThat(PermissionMatrix.permissionFor(HttpMethod.GET, "/api/v1/decisions/123").orElseThrow().pattern())
                .isEqualTo("/api/v1/decisions/{id}");
        assertThat(PermissionMatrix.permissionFor(HttpMethod.GET, "/actuator/health/readiness").orElseThrow().access())
                .isEqualTo(PermissionMatrix.Access.PUBLIC);
    }

    @Test
    void unlistedRequestHasNoEntry() {
        assertThat(PermissionMatrix.permissionFor(HttpMethod.DELETE, "/api/v1/decisions/123")).isEmpty();
        assertThat(PermissionMatrix.permissionFor(HttpMethod.GET, "/actuator/env")).isEmpty();
    }

    @Test
    void anyOtherFhirAddressIsForFhirRolesOnlyAndComesAfterEveryServedFhirLine() {
        PermissionMatrix.Permission unknown = PermissionMatrix.permissionFor(HttpMethod.GET, "/fhir/r4/Patient/1").orElseThrow();
        assertThat(unknown.pattern()).isEqualTo("/fhir/r4/**");
        assertThat(unknown.access()).isEqualTo(PermissionMatrix.Access.ROLES);
        assertThat(unknown.roles()).containsExactlyInAnyOrderElementsOf(PermissionMatrix.FHIR_CLIENTS)
                .doesNotContain(Role.ADMIN, Role.COMPLIANCE_REVIEWER);
        // every role of a FHIR endpoint is a FHIR role: the catch-all opens nothing to a role that had no FHIR endpoint
        assertThat(PermissionMatrix.PERMISSIONS).filteredOn(p -> p.pattern().startsWith("/fhir/r4/"))
                .allSatisfy(p -> assertThat(PermissionMatrix.FHIR_CLIENTS).containsAll(p.roles()));
        int catchAll = PermissionMatrix.PERMISSIONS.indexOf(unknown);
        assertThat(PermissionMatrix.PERMISSIONS.subList(catchAll + 1, PermissionMatrix.PERMISSIONS.size()))
                .noneMatch(p -> p.pattern().startsWith("/fhir/"));
        assertThat(PermissionMatrix.permissionFor(HttpMethod.GET, "/fhir/r4/Task/1").orElseThrow().pattern()).isEqualTo("/fhir/r4/Task/" + PermissionMatrix.FHIR_ID);
        // an operation Baton does not serve falls to the catch-all (404 not-supported), not to the read (405)
        assertThat(PermissionMatrix.permissionFor(HttpMethod.POST, "/fhir/r4/Task/$unknownOp").orElseThrow()).isEqualTo(unknown);
        assertThat(PermissionMatrix.permissionFor(HttpMethod.GET, "/fhir/r5/Patient/1")).isEmpty();
    }

    @Test
    void auditIsForComplianceReviewersAndBreakingTheGlassForClinicians() {
        assertThat(PermissionMatrix.PERMISSIONS).filteredOn(p -> p.pattern().startsWith("/api/v1/audit/"))
                .hasSize(4).allSatisfy(p -> assertThat(p.roles()).containsOnly(Role.COMPLIANCE_REVIEWER));
        assertThat(PermissionMatrix.permissionFor(HttpMethod.POST, "/api/v1/break-glass").orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.CLINICAL_STAFF, Role.CARE_COORDINATOR, Role.CLINICAL_LEAD);
    }

    @Test
    void writesTheMatrixIntoTheDocs() throws IOException {
        StringBuilder doc = new StringBuilder("""
                # Permission matrix

                Generated from `app.baton.security.PermissionMatrix` by `PermissionMatrixTests`; do not edit by hand.
                The first line that matches a request decides; a request that matches no line is denied to everyone
                (403, or 401 without credentials). ✓: the role may call it. EHR token: only an allow-listed EHR's signed
                JWT (CDS Hooks, docs/cds-hooks.md), whatever role an API key or user holds.

                """);
        doc.append("| method | path | what | ").append(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" | ")))
                .append(" |\n|---|---|---|").append("---|".repeat(Role.values().length)).append('\n');
        for (PermissionMatrix.Permission permission : PermissionMatrix.PERMISSIONS) {
            doc.append("| ").append(permission.method() == null ? "any" : permission.method().name())
                    .append(" | `").append(permission.pattern()).append("` | ").append(permission.what()).append(" | ");
            doc.append(Arrays.stream(Role.values()).map(role -> cell(permission, role)).collect(Collectors.joining(" | "))).append(" |\n");
        }
        Files.writeString(DOC, doc);

        assertThat(Files.readString(DOC)).contains("| POST | `/api/v1/decisions` | decide one task | ✓ |");
    }

    private static String cell(PermissionMatrix.Permission permission, Role role) {
        return switch (permission.access()) {
            case PUBLIC -> "public";
            case AUTHENTICATED -> "✓";
            case ROLES -> permission.allows(role) ? "✓" : "";
            case EHR -> "EHR token";
        };
    }
}
