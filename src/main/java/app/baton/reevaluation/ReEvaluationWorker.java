package app.baton.reevaluation;

import jakarta.annotation.PreDestroy;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that apply re-evaluations, never a request thread: a run asked for over HTTP and a run taken over after
 * a crash ({@link ReEvaluationResumer}) are applied here, at most {@link #THREADS} at once (more wait their turn). Work
 * handed over keeps the correlation id of the request that asked for it, so its log lines can be found.
 */
@Component
class ReEvaluationWorker {

    static final int THREADS = 2;

    private final ExecutorService pool;

    ReEvaluationWorker() {
        AtomicInteger threads = new AtomicInteger();
        ClassLoader application = ReEvaluationWorker.class.getClassLoader();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "re-evaluation-" + threads.incrementAndGet());
            // KIE compiles through the context class loader; in the fat jar it must be the application's.
            thread.setContextClassLoader(application);
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(Runnable work) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        pool.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        });
    }

    /**
     * A run being applied sees the interrupt between pages and stops, still RUNNING: the page in flight rolls back and
     * the run is taken over from its cursor once it has not moved for {@link ReEvaluationResumer#STALE_AFTER}.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
