package app.baton.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxRunning     analyses one instance runs at once (each on a thread of its own)
 * @param pageSize       recorded decisions read per query
 * @param progressEvery  how often a running analysis writes its progress (and proves it is alive)
 * @param staleAfter     a RUNNING analysis with no progress for this long is marked FAILED (its instance stopped)
 */
@ConfigurationProperties("baton.impact")
record ImpactProperties(@DefaultValue("2") int maxRunning, @DefaultValue("1000") int pageSize,
                        @DefaultValue("1s") Duration progressEvery, @DefaultValue("2m") Duration staleAfter) {
}
