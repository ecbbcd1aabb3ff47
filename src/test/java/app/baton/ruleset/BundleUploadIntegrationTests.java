package app.baton.ruleset;

import app.baton.HttpJson;
import app.baton.WebIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole bundle (.zip) as a new version, and the zips and sizes that must be refused. */
class BundleUploadIntegrationTests extends WebIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDownloadedBundleChangedAndUploadedAgainBecomesADraftWithoutABaseVersion() throws IOException {
        Map<String, byte[]> files = unzip(http.asUser("clinlead").download("/api/v1/rule-sets/1/bundle.zip").body());
        assertThat(files).containsKey(RuleSetLifecycleIntegrationTests.ROUTING).hasSizeGreaterThan(10);
        files.put(RuleSetLifecycleIntegrationTests.ROUTING, RoutingChange.routingTable(files.get(RuleSetLifecycleIntegrationTests.ROUTING)));
        files.put(RuleSetLifecycleIntegrationTests.TCM, GovernanceJourneyIntegrationTests.withComment(
                RoutingChange.tcmScenarios(files.get(RuleSetLifecycleIntegrationTests.TCM))));

        HttpJson.Response uploaded = upload(Map.of("bundle.zip", zip(files)));

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode version = uploaded.json().path("version");
        assertThat(version.path("baseVersion").isNull()).isTrue();
        assertThat(uploaded.json().path("gate").path("passed").asBoolean()).isTrue();
        assertThat(uploaded.json().path("files")).hasSize(files.size());
    }

    @Test
    void aZipBombIsStoppedAsSoonAsItPassesTheLimit() throws IOException {
        int before = versions();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("test-scenarios/bomb.yaml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1024 * 1024);

        HttpJson.Response refused = upload(Map.of("bundle.zip", out.toByteArray()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("file").asText()).isEqualTo("test-scenarios/bomb.yaml");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("20 MB");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void unsafeOrForeignEntriesAndNonZipsAreRefusedByName() throws IOException {
        HttpJson.Response traversal = upload(Map.of("bundle.zip", zip(Map.of("../../etc/cron.d/x.drl", "x".getBytes()))));
        HttpJson.Response foreign = upload(Map.of("bundle.zip", zip(Map.of("docs/readme.txt", "x".getBytes()))));
        HttpJson.Response notZip = upload(Map.of("bundle.zip", "not a zip at all".getBytes()));
        HttpJson.Response empty = upload(Map.of("bundle.zip", zip(Map.of())));

        assertThat(traversal.status()).isEqualTo(422);
        assertThat(traversal.json().path("errors").get(0).path("message").asText()).contains("unsafe path");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().path("errors").get(0).path("file").asText()).isEqualTo("docs/readme.txt");
        assertThat(notZip.status()).isEqualTo(422);
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void aTableOver20MegabytesIsRefusedByNameAndARequestOver25MegabytesWith413() {
        byte[] big = new byte[21 * 1024 * 1024];
        HttpJson.Response tooBig = upload(Map.of("routing.drl.xlsx", big));
        HttpJson.Response wayTooBig = upload(Map.of("routing.drl.xlsx", new byte[26 * 1024 * 1024]));

        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().path("errors").get(0).path("message").asText()).contains("20 MB");
        assertThat(wayTooBig.status()).isEqualTo(413);
        assertThat(wayTooBig.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUploadWithoutItsFilesPartNamesThePart() {
        HttpJson.Response missing = http.asUser("clinlead").upload("/api/v1/rule-sets", Map.of("changeNote", "no files"), "file",
                Map.of("routing.drl.xlsx", new byte[]{1}));

        assertThat(missing.status()).as(missing.text()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("type").asText()).isEqualTo("urn:baton:problem:invalid-request");
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("files");
    }

    HttpJson.Response upload(Map<String, byte[]> files) {
        return http.asUser("clinlead").upload("/api/v1/rule-sets", Map.of("changeNote", "bundle " + UUID.randomUUID()), "files",
                new LinkedHashMap<>(files));
    }

    int versions() {
        return jdbc.sql("select count(*) from rule_set_version").query(Integer.class).single();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
