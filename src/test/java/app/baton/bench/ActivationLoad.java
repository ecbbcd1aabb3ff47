package app.baton.bench;

import app.baton.ruleset.RoutingChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decision latency while rule set versions are activated and rolled back under load. Against a
 * running Baton with the demo profile: uploads the routing change as clinlead, approves it as
 * clinlead2, warms up, then for SECONDS keeps CLIENTS decision clients busy while activating the
 * change and rolling back to version 1 every 3 seconds. Prints latency of requests in flight
 * during a swap against the others, failures, and how long each activation and rollback took.
 * Usage: ActivationLoad BASE_URL API_KEY DEMO_PASSWORD CLIENTS SECONDS
 */
public final class ActivationLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Sample(long startNanos, long micros, int status, String version) {
    }

    record Swap(long startNanos, long endNanos, int status, boolean rollback) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String apiKey = args[1];
        String password = args[2];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String template = Files.readString(Path.of("src/test/bench/worked-example.json"));
        int candidate = prepareCandidate(base, password);
        System.out.println("candidate version " + candidate + " approved; warming up for 30 s");
        run(base, apiKey, template, clients, 30, -1, password);
        System.out.printf("measuring: %d clients, %d s, swapping every 3 s%n", clients, seconds);
        run(base, apiKey, template, clients, seconds, candidate, password);
    }

    static void run(String base, String apiKey, String template, int clients, int seconds, int candidate, String password)
            throws Exception {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<Swap> swaps = new ArrayList<>();
        AtomicBoolean firing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                while (firing.get()) {
                    samples.add(decide(base, apiKey, template));
                }
                return null;
            });
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        boolean toCandidate = true;
        while (System.nanoTime() < end) {
            Thread.sleep(3000);
            if (candidate > 0) {
                int target = toCandidate ? candidate : 1;
                long started = System.nanoTime();
                int status = post(base + "/api/v1/rule-sets/" + target + "/activation", "{\"note\":\"benchmark\"}",
                        "application/json", basic(toCandidate ? "clinlead" : "clinlead2", password)).statusCode();
                swaps.add(new Swap(started, System.nanoTime(), status, !toCandidate));
                toCandidate = !toCandidate;
            }
        }
        firing.set(false);
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        if (candidate > 0) {
            if (!toCandidate) {
                post(base + "/api/v1/rule-sets/1/activation", "{\"note\":\"benchmark end\"}", "application/json",
                        basic("clinlead2", password));
            }
            report(new ArrayList<>(samples), swaps);
        }
    }

    static void report(List<Sample> samples, List<Swap> swaps) {
        List<Long> during = new ArrayList<>();
        List<Long> outside = new ArrayList<>();
        long failed = samples.stream().filter(s -> s.status() != 200).count();
        for (Sample sample : samples) {
            boolean inSwap = swaps.stream().anyMatch(w -> sample.startNanos() + sample.micros() * 1000 >= w.startNanos()
                    && sample.startNanos() <= w.endNanos() + 1_000_000_000L);
            (inSwap ? during : outside).add(sample.micros());
        }
        System.out.printf("decisions: %d, failed: %d, swaps: %d (all answered 200: %b)%n", samples.size(), failed, swaps.size(),
                swaps.stream().allMatch(w -> w.status() == 200));
        print("outside swaps", outside);
        print("in flight during a swap or the second after", during);
        print("activation calls (ms)", swaps.stream().filter(w -> !w.rollback()).map(w -> (w.endNanos() - w.startNanos()) / 1000).toList());
        print("rollback calls (ms)", swaps.stream().filter(Swap::rollback).map(w -> (w.endNanos() - w.startNanos()) / 1000).toList());
    }

    static void print(String what, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.println(what + ": none");
            return;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long over100 = sorted.stream().filter(m -> m > 100_000).count();
        System.out.printf("%s: n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms, over 100 ms: %d%n", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0, over100);
    }

    static Sample decide(String base, String apiKey, String template) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                    .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(template.replace("REQUEST_ID", UUID.randomUUID().toString())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String version = response.statusCode() == 200 ? JSON.readTree(response.body()).path("ruleSetVersion").asText() : "";
            return new Sample(started, (System.nanoTime() - started) / 1000, response.statusCode(), version);
        } catch (Exception e) {
            return new Sample(started, (System.nanoTime() - started) / 1000, -1, "");
        }
    }

    /** Uploads the routing change (TCM contacts to the nurses) on version 1's files and approves it. */
    static int prepareCandidate(String base, String password) throws Exception {
        String lead = basic("clinlead", password);
        byte[] routing = get(base + "/api/v1/rule-sets/1/files/routing.drl.xlsx", lead);
        byte[] tcm = get(base + "/api/v1/rule-sets/1/files/tcm.yaml", lead);
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "changeNote", null, ("benchmark " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "files", "routing.drl.xlsx", RoutingChange.routingTable(routing));
        part(body, boundary, "files", "tcm.yaml", RoutingChange.tcmScenarios(tcm));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rule-sets"))
                .header("Authorization", lead).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode draft = JSON.readTree(uploaded.body());
        int version;
        if (uploaded.statusCode() == 201) {
            version = draft.path("version").path("version").asInt();
            HttpResponse<String> approved = post(base + "/api/v1/rule-sets/" + version + "/approval", "{\"note\":\"benchmark\"}",
                    "application/json", basic("clinlead2", password));
            if (approved.statusCode() != 200) {
                throw new IllegalStateException("approval failed: " + approved.body());
            }
        } else {
            throw new IllegalStateException("upload failed: " + uploaded.body());
        }
        return version;
    }

    static void part(ByteArrayOutputStream body, String boundary, String name, String file, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static byte[] get(String url, String auth) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static HttpResponse<String> post(String url, String body, String type, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private ActivationLoad() {
    }

}
