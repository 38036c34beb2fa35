package io.recsyslite.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Micrometer timer {@code recsys.http.requests} of the REST API, per endpoint and status, with
 * the median, 95th and 99th percentiles (as {@code /metrics} reports them). Thread-safe.
 */
public class RecSysRequestTimer {
    static final String NAME = "recsys.http.requests";
    private static final Set<String> ROUTES = Set.of("/recommend", "/similar-items", "/health", "/metrics", "/events",
            "/gdpr/export", "/openapi.json");
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RecSysRequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String path, int status, long nanos) {
        String endpoint = endpoint(path);
        timers.computeIfAbsent(endpoint + " " + status, k -> Timer.builder(NAME)
                .description("Requests to the RecSys-Lite REST API")
                .tag("endpoint", endpoint).tag("status", Integer.toString(status))
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)).record(Duration.ofNanos(nanos));
    }

    /** The route, not the path: user ids in /gdpr/users/{user_id} would make a meter per user. */
    private static String endpoint(String path) {
        if (path.startsWith("/gdpr/users/")) {
            return "/gdpr/users/{user_id}";
        } else if (path.startsWith("/img/")) {
            return "/img/{name}";
        }
        return ROUTES.contains(path) ? path : "other";
    }
}
