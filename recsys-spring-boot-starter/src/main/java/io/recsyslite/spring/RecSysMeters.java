package io.recsyslite.spring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.ServiceMetrics;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of what the library's {@link ServiceMetrics} counts: recommendation requests,
 * recommended items, errors, the cache hit ratio and the latency percentiles of recent requests
 * ({@code recsys.recommend.latency} with a {@code quantile} tag), read from the {@link RecSysEngine}
 * when the registry is scraped.
 */
public class RecSysMeters implements MeterBinder {
    private final RecSysEngine recSys;

    RecSysMeters(RecSysEngine recSys) {
        this.recSys = recSys;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "recsys.recommend.requests", "Recommendation requests served by the library",
                s -> s.requestCount());
        counter(registry, "recsys.recommendations", "Items recommended", s -> s.recommendationCount());
        counter(registry, "recsys.recommend.errors", "Recommendation requests that failed in the library",
                s -> s.errorCount());
        Gauge.builder("recsys.cache.hit.ratio", recSys, r -> r.metrics().cacheHitRatio())
                .description("Share of answers served from the result cache").register(registry);
        quantile(registry, "0.5", s -> s.p50Millis());
        quantile(registry, "0.95", s -> s.p95Millis());
        quantile(registry, "0.99", s -> s.p99Millis());
    }

    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<ServiceMetrics.Snapshot> value) {
        FunctionCounter.builder(name, recSys, r -> value.applyAsDouble(r.metrics()))
                .description(description).register(registry);
    }

    private void quantile(MeterRegistry registry, String quantile, ToDoubleFunction<ServiceMetrics.Snapshot> millis) {
        TimeGauge.builder("recsys.recommend.latency", recSys, TimeUnit.MILLISECONDS,
                        r -> millis.applyAsDouble(r.metrics()))
                .description("Latency percentile of the most recent recommendation requests")
                .tag("quantile", quantile).register(registry);
    }
}
