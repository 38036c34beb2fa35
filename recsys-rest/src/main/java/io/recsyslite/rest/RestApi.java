package io.recsyslite.rest;

import io.recsyslite.LiveEvent;
import io.recsyslite.Recommendations;
import io.recsyslite.core.LibraryVersion;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.error.NotFoundException;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.internal.serving.Erasure;
import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.OnlineStats;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.UserDataExport;
import io.recsyslite.internal.store.StoreBusyException;
import io.recsyslite.rest.ApiJson.DeletedResponse;
import io.recsyslite.rest.ApiJson.ErrorResponse;
import io.recsyslite.rest.ApiJson.EventsResponse;
import io.recsyslite.rest.ApiJson.HealthResponse;
import io.recsyslite.rest.ApiJson.MetricsResponse;
import io.recsyslite.rest.ApiJson.RecommendResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's endpoints over a {@link RecSysEngine}, without a web framework: a server routes each
 * request here with its {@link QueryParams} (or body, or header) and writes the answer with
 * {@link ApiJson#mapper()}; what goes wrong becomes an {@link ErrorAnswer} through
 * {@link #error}. So the example Javalin server and the Spring Boot starter answer alike.
 *
 * <p>Thread-safe. The RecSysEngine is not owned.
 */
public final class RestApi {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final long STORE_BUSY_RETRY_SECONDS = 5;
    public static final String RECOMMENDATION_ID_HEADER = "X-Recommendation-Id";
    public static final String VARIANT_HEADER = "X-Variant";
    /** How long after a recommendation a purchase of one of its items counts, unless configured. */
    public static final Duration DEFAULT_CONVERSION_WINDOW = Duration.ofHours(24);
    static final int DEFAULT_STATS_DAYS = 30;
    /** The confidence level of {@code GET /stats} comparisons unless {@code confidence} says otherwise. */
    static final double DEFAULT_CONFIDENCE = 0.95;
    private static final String GDPR_PREFIX = "/gdpr/";

    private final RecSysEngine recSys;
    private final Optional<String> apiKey;
    private final boolean publicEvents;
    /** Every 4xx and 5xx answer, also those refused before reaching the library (bad parameters). */
    private final LongAdder errorAnswers = new LongAdder();

    /** A status and the body the server writes as JSON. */
    public record Answer(int status, Object body) {
    }

    /** An error's status, its JSON body and, for a busy store, the seconds of a Retry-After header. */
    public record ErrorAnswer(int status, ErrorResponse body, Optional<Long> retryAfterSeconds) {
        public ErrorAnswer(int status, String message) {
            this(status, new ErrorResponse(message), Optional.empty());
        }
    }

    /**
     * @param apiKey       the key the GDPR endpoints require in the {@code X-API-Key} header;
     *                     empty (or blank) disables them
     * @param publicEvents whether {@code POST /events} is open without the API key
     */
    public RestApi(RecSysEngine recSys, Optional<String> apiKey, boolean publicEvents) {
        this.recSys = recSys;
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.publicEvents = publicEvents;
    }

    /**
     * {@code GET /recommend}: for a user ({@code user_id}), a visitor's session ({@code session_id},
     * from its recorded events together with {@code recent_items}) or a list of items just viewed
     * ({@code recent_items=a,b,c}), in that order of precedence; with none of them and
     * {@code fallback=popular}, the popular items.
     */
    public RecommendResponse recommend(QueryParams query) {
        String userId = query.optionalId("user_id");
        String sessionId = query.optionalId("session_id");
        List<String> recentItems = query.list("recent_items").stream().toList();
        int k = query.k();
        boolean fallback = query.popularFallback();
        Recommendations result;
        String who;
        if (userId != null) {
            result = recSys.recommend(userId, k, query.options());
            who = "User '" + userId + "' not found";
        } else if (sessionId != null) {
            // recent_items may hold views whose events are still on their way (or never recorded)
            result = recSys.recommendForSession(sessionId, recentItems, k, query.options());
            who = "Session '" + sessionId + "' has no recorded events of known items";
        } else if (!recentItems.isEmpty() || fallback) {
            // nobody in particular with fallback=popular: a visitor the shop does not track
            result = recSys.recommendForItems(recentItems, k, query.options());
            who = "None of the recent_items is a known item";
        } else {
            throw new InvalidParameterException("user_id, session_id or recent_items is required");
        }
        // The library answers unknown users with popular items; the spec's API says 404 unless asked.
        if (!result.personalized() && !fallback) {
            throw new NotFoundException(who);
        }
        return new RecommendResponse(userId, sessionId, result.personalized(), result.recommendationId(),
                result.variant(), result.items());
    }

    /**
     * {@code GET /similar-items?item_id=...}: the body is the {@code items} array, as before; the
     * answer's id and variant travel as the {@link #RECOMMENDATION_ID_HEADER} and {@link #VARIANT_HEADER} headers.
     */
    public Recommendations similarItems(QueryParams query) {
        return recSys.similarItems(query.requiredId("item_id"), query.k(), query.options());
    }

    /**
     * {@code GET /stats?days=30&confidence=0.95}: online metrics per variant and their comparison;
     * behind the key when one is set.
     */
    public OnlineStats stats(QueryParams query, String givenKey, Duration conversionWindow) {
        if (apiKey.isPresent()) {
            requireApiKey(givenKey);
        }
        return recSys.onlineStats(query.positiveInt("days", DEFAULT_STATS_DAYS), conversionWindow,
                query.confidence(DEFAULT_CONFIDENCE));
    }

    /** {@code GET /health}: 200 with a model, 503 without. */
    public Answer health() {
        Optional<ModelStatus> status = recSys.status();
        long uptime = (long) recSys.metrics().uptimeSeconds();
        return new Answer(status.isPresent() ? 200 : 503, new HealthResponse(status.isPresent() ? "ok" : "no_model",
                LibraryVersion.get(), status.map(ModelStatus::algorithm).orElse(null), uptime,
                status.map(ModelStatus::indexType).orElse(null), status.flatMap(ModelStatus::calibration).orElse(null)));
    }

    /** {@code GET /metrics}. */
    public MetricsResponse metrics() {
        return MetricsResponse.of(recSys.metrics(), errorAnswers.sum());
    }

    /** {@code POST /events}; the key is checked when one is set and events are not public. */
    public EventsResponse events(InputStream body, String givenKey) {
        return new EventsResponse(recSys.record(eventsToRecord(body, givenKey)));
    }

    /**
     * {@code POST /events} for a server that answers asynchronously: a bad key or body throws here;
     * the answer completes (on the journal's writer thread) once the events are durable, see
     * {@link RecSysEngine#recordAsync}.
     */
    public CompletableFuture<EventsResponse> eventsAsync(InputStream body, String givenKey) {
        return recSys.recordAsync(eventsToRecord(body, givenKey)).thenApply(EventsResponse::new);
    }

    private List<LiveEvent> eventsToRecord(InputStream body, String givenKey) {
        if (!publicEvents && apiKey.isPresent()) {
            requireApiKey(givenKey);
        }
        return EventsRequest.read(body);
    }

    /** {@code GET /gdpr/export?user_id=...}; the server checks the key first ({@link #requireApiKey}). */
    public UserDataExport export(QueryParams query) {
        return recSys.exportUser(query.requiredId("user_id"));
    }

    /** {@code DELETE /gdpr/users/{user_id}}; the server checks the key first ({@link #requireApiKey}). */
    public Answer delete(String userId) throws IOException {
        Erasure erasure = recSys.erase(userId);
        return new Answer(erasure.done() ? 200 : 202, erasureResponse(erasure));
    }

    /** {@code GET /gdpr/users/{user_id}}: whether the user's erasure is done or queued; 404 when never asked for. */
    public DeletedResponse erasureStatus(String userId) {
        return recSys.erasureStatus(userId).map(RestApi::erasureResponse)
                .orElseThrow(() -> new NotFoundException("No erasure of user " + userId + " is recorded"));
    }

    private static DeletedResponse erasureResponse(Erasure e) {
        return e.done()
                ? new DeletedResponse(e.userId(), e.deletedEvents(), "erased", e.at(), null, null)
                : new DeletedResponse(e.userId(), 0, "queued", null, e.at(), "Another process is using the store:"
                        + " the erasure is recorded and is done as soon as the store is free (the user gets no"
                        + " personalised answer meanwhile); GET " + GDPR_PREFIX + "users/{user_id} says \"erased\" then");
    }

    /** Whether {@code path} needs the API key (the server calls {@link #requireApiKey} before it). */
    public static boolean isProtected(String path) {
        return path.startsWith(GDPR_PREFIX);
    }

    /** @throws ForbiddenException unless {@code given} is the configured key (compared in constant time) */
    public void requireApiKey(String given) {
        if (apiKey.isEmpty()) {
            throw new ForbiddenException("The GDPR endpoints are disabled: set an API key (--api-key or "
                    + "RECSYS_API_KEY for the CLI, recsys.api-key in Spring Boot)");
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("A valid API key is required in the " + API_KEY_HEADER + " header");
        }
    }

    /**
     * The answer to an exception thrown while serving {@code method path}: 400 for bad input, 403,
     * 404, 413, 503 for a busy store or a service without a model, else 500 (logged). Returns null
     * for an exception the API does not know (a framework's own), which the server maps itself.
     */
    public ErrorAnswer error(Throwable e, String method, String path) {
        if (e instanceof InvalidParameterException || e instanceof InvalidDataException) {
            return new ErrorAnswer(400, e.getMessage());
        } else if (e instanceof NotFoundException) {
            return new ErrorAnswer(404, e.getMessage());
        } else if (e instanceof ForbiddenException) {
            return new ErrorAnswer(403, e.getMessage());
        } else if (e instanceof BodyTooLargeException) {
            return new ErrorAnswer(413, e.getMessage());
        } else if (e instanceof StoreBusyException) {
            return new ErrorAnswer(503, new ErrorResponse(e.getMessage()
                    + (isProtected(path) ? "; nothing was done: send the request again" : "")),
                    Optional.of(STORE_BUSY_RETRY_SECONDS));
        } else if (e instanceof RecsysException) {
            // Other library errors are states of the service, not of the request. Their messages may
            // name files of the server: the client gets what it can act on, the log the details.
            LOG.warn("Request {} {} failed: {}", method, path, e.getMessage());
            return new ErrorAnswer(503, recSys.status().isEmpty()
                    ? "No model is loaded yet; try again once one is trained"
                    : "The service cannot answer right now; try again later (the server log has the details)");
        }
        return null;
    }

    /** The answer to an unexpected exception: 500, the details only in the log. */
    public static ErrorAnswer internalError(Throwable e, String method, String path) {
        LOG.error("Request {} {} failed", method, path, e);
        return new ErrorAnswer(500, "Internal server error; the server log has the details");
    }

    /** The server calls this for every answer it sends with a status of 400 or more. */
    public void countErrorAnswer() {
        errorAnswers.increment();
    }

    /** The error answers counted so far. */
    public long errorAnswers() {
        return errorAnswers.sum();
    }
}
