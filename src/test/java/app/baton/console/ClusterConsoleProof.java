package app.baton.console;

import java.util.List;

/**
 * The console proof of src/test/bench/cluster-proofs.sh (not a test; run by that script): Chromium logs in
 * through HAProxy, the instance that answered the login is killed with -9 by the given command, and the next
 * console pages load through HAProxy without a new login, because the session is in PostgreSQL.
 * Arguments: HAProxy's port, user, password, the command that kills the instance.
 */
public final class ClusterConsoleProof {

    private static final List<String> PAGES = List.of("/console", "/console/work", "/console/rules");

    private ClusterConsoleProof() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        try (Browser browser = new Browser(port)) {
            browser.logIn(args[1], args[2]);
            System.out.println("  logged in as " + args[1] + " through HAProxy: " + browser.path());
            Process kill = new ProcessBuilder("bash", "-c", args[3]).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("could not kill the instance");
            }
            boolean kept = true;
            for (String page : PAGES) {
                long started = System.nanoTime();
                browser.open(page);
                browser.loaded();
                String at = browser.path();
                boolean here = at.startsWith(page) && !at.startsWith("/login");
                kept &= here;
                System.out.printf("  %s -> %s in %d ms (%s)%n", page, at, (System.nanoTime() - started) / 1_000_000,
                        here ? "loaded, still logged in" : "NOT the page: sent to " + at);
            }
            System.out.println(kept ? "console proof: every page loaded without a new login after the instance was killed"
                    : "console proof FAILED: a new login was needed");
            if (!kept) {
                System.exit(1);
            }
        }
    }
}
