package io.recsyslite.rest;

import io.recsyslite.Recommendations;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.internal.SnakeCaseJson;
import io.recsyslite.internal.serving.ServiceMetrics;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of the REST API. Field names follow the product spec: the records' camelCase
 * components are written in snake_case by {@link #mapper()}.
 */
public final class ApiJson {
    private ApiJson() {
    }

    /** Jackson configured for the API: snake_case names, ISO-8601 times. */
    public static ObjectMapper mapper() {
        return SnakeCaseJson.mapper();
    }

    /**
     * {@code GET /recommend}; {@code personalized} is false for the popular fallback. The session
     * id is only written for session requests. {@code recommendation_id} identifies the answer for
     * impressions, clicks and conversions; {@code variant} is the A/B variant that answered.
     */
    public record RecommendResponse(String userId, @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId,
                                    boolean personalized, String recommendationId, String variant,
                                    List<Recommendations.Item> recommendations) {
    }

    /** {@code POST /events}: how many events were recorded (all of them; a bad batch is a 400). */
    public record EventsResponse(int stored) {
    }

    /**
     * {@code GET /health}: the spec's fields, the index serving the model and, for an approximate
     * index, its calibration (setting, value, measured recall).
     */
    public record HealthResponse(String status, String version, String modelType, long uptimeSeconds, String index,
                          IndexCalibration indexCalibration) {
    }

    /** {@code GET /metrics}: the spec's counters plus latency percentiles of recent requests. */
    public record MetricsResponse(long uptimeSeconds, long requestCount, long recommendationCount, long errorCount,
                           double recommendationsPerSecond, double cacheHitRatio, double p50Ms, double p95Ms,
                           double p99Ms) {
        /** The library's figures with the server's count of error answers (also requests refused before the library). */
        public static MetricsResponse of(ServiceMetrics.Snapshot s, long errorResponses) {
            return new MetricsResponse((long) s.uptimeSeconds(), s.requestCount(), s.recommendationCount(),
                    errorResponses, s.recommendationsPerSecond(), s.cacheHitRatio(), s.p50Millis(), s.p95Millis(),
                    s.p99Millis());
        }
    }

    /**
     * {@code DELETE /gdpr/users/{user_id}}, sent once the erasure is done: events removed, the
     * deletion recorded, the served model scrubbed.
     */
    /**
     * A user's erasure: {@code erased} (with {@code erased_at}) or {@code queued} while another
     * process holds the store (with {@code queued_at} and a message saying how to learn that it is done).
     */
    public record DeletedResponse(String userId, long deletedEvents, String status,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Instant erasedAt,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Instant queuedAt,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String message) {
    }

    /** Every error: a message saying what went wrong and, where possible, what to do. */
    public record ErrorResponse(String error) {
    }
}
