package io.recsyslite.examples.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.serving.RecommendedItem;
import io.recsyslite.core.serving.ServiceMetrics;
import java.util.List;

/**
 * The JSON bodies of the REST API. Field names follow the product spec: the records' camelCase
 * components are written in snake_case by {@link #mapper()}.
 */
final class ApiJson {
    private ApiJson() {
    }

    /** Jackson configured for the API: snake_case names, ISO-8601 times. */
    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** {@code GET /recommend}; {@code personalized} is false for the popular fallback. */
    record RecommendResponse(String userId, boolean personalized, List<RecommendedItem> recommendations) {
    }

    /**
     * {@code GET /health}: the spec's fields, the index serving the model and, for an approximate
     * index, its calibration (setting, value, measured recall).
     */
    record HealthResponse(String status, String version, String modelType, long uptimeSeconds, String index,
                          IndexCalibration indexCalibration) {
    }

    /** {@code GET /metrics}: the spec's counters plus latency percentiles of recent requests. */
    record MetricsResponse(long uptimeSeconds, long requestCount, long recommendationCount, long errorCount,
                           double recommendationsPerSecond, double cacheHitRatio, double p50Ms, double p95Ms,
                           double p99Ms) {
        static MetricsResponse of(ServiceMetrics.Snapshot s) {
            return new MetricsResponse((long) s.uptimeSeconds(), s.requestCount(), s.recommendationCount(),
                    s.errorCount(), s.recommendationsPerSecond(), s.cacheHitRatio(), s.p50Millis(), s.p95Millis(),
                    s.p99Millis());
        }
    }

    /** {@code DELETE /gdpr/users/{user_id}}. */
    record DeletedResponse(String userId, long deletedEvents) {
    }

    /** Every error: a message saying what went wrong and, where possible, what to do. */
    record ErrorResponse(String error) {
    }
}
