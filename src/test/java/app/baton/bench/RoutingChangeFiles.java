package app.baton.bench;

import app.baton.ruleset.RoutingChange;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the governance tests' routing change (TCM interactive contacts to the nurses, with the TCM
 * scenarios to match) as files a script can upload. Usage: RoutingChangeFiles ROUTING_XLSX TCM_YAML OUT_DIR
 */
public final class RoutingChangeFiles {

    private RoutingChangeFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[2]));
        Files.write(out.resolve("routing.drl.xlsx"), RoutingChange.routingTable(Files.readAllBytes(Path.of(args[0]))));
        Files.write(out.resolve("tcm.yaml"), RoutingChange.tcmScenarios(Files.readAllBytes(Path.of(args[1]))));
    }
}
