package app.baton.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-model HTTP load: sends decisions at a fixed rate whatever the server's speed, and measures
 * each latency from the moment the request was due (no coordinated omission). Prints the
 * counts and percentiles. Usage: FixedRateLoad URL BODY_TEMPLATE RATE SECONDS API_KEY
 */
public final class FixedRateLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String template = Files.readString(Path.of(args[1]));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String apiKey = args[4];
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(30), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        String run = UUID.randomUUID().toString();
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - start) / intervalNanos;
            while (sent.get() < Math.min(due, total)) {
                long n = sent.getAndIncrement();
                long intended = start + n * intervalNanos;
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", apiKey)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(template.replace("REQUEST_ID", run + "-" + n)))
                        .build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    latency.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                    if (error == null && response.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (ok.get() + failed.get() < total && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds + 60L)) {
            Thread.sleep(200);
        }
        ticker.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("fixed-rate load: target %d req/s for %d s%n", rate, seconds);
        System.out.printf("sent %d, 200 OK %d, failed %d, achieved %.0f req/s%n", sent.get(), ok.get(), failed.get(), ok.get() / elapsed);
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0);
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
