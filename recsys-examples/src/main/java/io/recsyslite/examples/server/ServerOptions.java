package io.recsyslite.examples.server;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.rest.RestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link RestServer} runs. Immutable.
 *
 * @param apiKey        key the GDPR endpoints require in the {@code X-API-Key} header; empty
 *                      disables those endpoints
 * @param corsOrigins   origins (e.g. {@code https://shop.example}) allowed to call the API from a
 *                      browser; empty allows any origin
 * @param demoDir       directory of the built demo shop page served at {@code /}
 * @param watchModelDir model directory to watch for newly saved models; empty disables the watch
 * @param watchInterval how often the watched model.json is checked
 * @param publicEvents  whether {@code POST /events} is open without the API key (so a shop's
 *                      browsers can post beacons); without an API key it is open anyway
 * @param watchVariants A/B test: the model directory of each variant, each watched on its own
 *                      (instead of {@code watchModelDir}); empty for one model
 * @param conversionWindow how long after a recommendation a purchase of one of its items counts
 *                      for {@code GET /stats}
 * @param dashboardDir  directory of the built dashboard served at {@code /dashboard/} (its page
 *                      is public; the data it reads needs the API key when one is set)
 * @param requestThreads the most threads Jetty runs requests on (its acceptor and selector
 *                      included); see {@link #DEFAULT_REQUEST_THREADS}
 */
public record ServerOptions(Optional<String> apiKey, List<String> corsOrigins, Path demoDir,
                            Optional<Path> watchModelDir, Duration watchInterval, boolean publicEvents,
                            Map<String, Path> watchVariants, Duration conversionWindow, Path dashboardDir,
                            int requestThreads) {
    /** Where {@code npm run build} in {@code widget/} puts the demo page. */
    public static final Path DEFAULT_DEMO_DIR = Path.of("widget", "dist-demo");
    /** Where {@code npm run build} in {@code dashboard/} puts the dashboard. */
    public static final Path DEFAULT_DASHBOARD_DIR = Path.of("dashboard", "dist");
    public static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(2);
    /**
     * Four per core, at least 8: requests are CPU work (POST /events does not hold a thread while
     * the journal syncs), so a small pool queues them in order instead of time-slicing hundreds of
     * threads. On 2 cores, 8 threads against Jetty's default 250 served 1.2x the exact
     * {@code /recommend} requests at 0.74x the p99 (benchmarks/rest/RESULTS.md).
     */
    public static final int DEFAULT_REQUEST_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    /** Jetty's acceptor and selector threads plus a few to run requests on. */
    static final int MIN_REQUEST_THREADS = 4;

    public ServerOptions {
        apiKey = apiKey.filter(k -> !k.isBlank());
        corsOrigins = List.copyOf(corsOrigins);
        watchVariants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(watchVariants));
        if (conversionWindow.isNegative() || conversionWindow.isZero()) {
            throw new InvalidParameterException("the conversion window must be positive, was " + conversionWindow);
        }
        if (requestThreads < MIN_REQUEST_THREADS) {
            throw new InvalidParameterException("the server needs at least " + MIN_REQUEST_THREADS
                    + " request threads, was " + requestThreads);
        }
        if (watchInterval.isNegative() || watchInterval.isZero()) {
            throw new InvalidParameterException("the model watch interval must be positive, was " + watchInterval);
        }
    }

    /** Events need the API key when one is set. */
    public ServerOptions(Optional<String> apiKey, List<String> corsOrigins, Path demoDir,
                         Optional<Path> watchModelDir, Duration watchInterval) {
        this(apiKey, corsOrigins, demoDir, watchModelDir, watchInterval, false);
    }

    /** One model, the default conversion window, the dashboard from {@link #DEFAULT_DASHBOARD_DIR}. */
    public ServerOptions(Optional<String> apiKey, List<String> corsOrigins, Path demoDir,
                         Optional<Path> watchModelDir, Duration watchInterval, boolean publicEvents) {
        this(apiKey, corsOrigins, demoDir, watchModelDir, watchInterval, publicEvents, Map.of(),
                RestApi.DEFAULT_CONVERSION_WINDOW, DEFAULT_DASHBOARD_DIR,
                DEFAULT_REQUEST_THREADS);
    }

    public ServerOptions withPublicEvents(boolean open) {
        return new ServerOptions(apiKey, corsOrigins, demoDir, watchModelDir, watchInterval, open, watchVariants,
                conversionWindow, dashboardDir, requestThreads);
    }

    /** Watches each variant's directory (an A/B test) instead of {@code watchModelDir}. */
    public ServerOptions withWatchedVariants(Map<String, Path> dirs) {
        return new ServerOptions(apiKey, corsOrigins, demoDir, Optional.empty(), watchInterval, publicEvents, dirs,
                conversionWindow, dashboardDir, requestThreads);
    }

    public ServerOptions withConversionWindow(Duration window) {
        return new ServerOptions(apiKey, corsOrigins, demoDir, watchModelDir, watchInterval, publicEvents,
                watchVariants, window, dashboardDir, requestThreads);
    }

    public ServerOptions withRequestThreads(int threads) {
        return new ServerOptions(apiKey, corsOrigins, demoDir, watchModelDir, watchInterval, publicEvents,
                watchVariants, conversionWindow, dashboardDir, threads);
    }

    public ServerOptions withDashboardDir(Path dir) {
        return new ServerOptions(apiKey, corsOrigins, demoDir, watchModelDir, watchInterval, publicEvents,
                watchVariants, conversionWindow, dir, requestThreads);
    }
}
