package io.recsyslite.examples.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.recsyslite.core.LibraryVersion;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.error.NotFoundException;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.serving.ModelStatus;
import io.recsyslite.core.serving.RecSys;
import io.recsyslite.core.serving.Recommendations;
import io.recsyslite.core.store.StoreBusyException;
import io.recsyslite.examples.server.ApiJson.DeletedResponse;
import io.recsyslite.examples.server.ApiJson.ErrorResponse;
import io.recsyslite.examples.server.ApiJson.EventsResponse;
import io.recsyslite.examples.server.ApiJson.HealthResponse;
import io.recsyslite.examples.server.ApiJson.MetricsResponse;
import io.recsyslite.examples.server.ApiJson.RecommendResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example REST server: the product spec's HTTP API over a {@link RecSys}, the GDPR endpoints
 * behind an API key, the demo shop page, the dashboard at {@code /dashboard/}, and a watch on the
 * model directory for hot swaps. Every
 * answer is JSON; what a client sends wrong is a 4xx with {@code {"error": ...}}, never a 500.
 * The server only translates HTTP to library calls; the behaviour lives in {@link RecSys}.
 *
 * <p>Thread-safe (requests run on Jetty's pool; the RecSys is thread-safe). The RecSys is not
 * owned: {@link #close()} stops the server and the watch, the caller closes the RecSys.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    static final String API_KEY_HEADER = "X-API-Key";
    static final String DASHBOARD_PATH = "/dashboard";
    static final long STORE_BUSY_RETRY_SECONDS = 5;

    private final RecSys recSys;
    private final ServerOptions options;
    private final Javalin app;
    /** Every 4xx and 5xx answer, also those refused before reaching the library (bad parameters). */
    private final LongAdder errorResponses = new LongAdder();
    private ModelWatcher watcher;

    public RestServer(RecSys recSys, ServerOptions options) {
        this.recSys = recSys;
        this.options = options;
        boolean demoBuilt = Files.isRegularFile(options.demoDir().resolve("index.html"));
        boolean dashboardBuilt = Files.isRegularFile(options.dashboardDir().resolve("index.html"));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            if (demoBuilt) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = options.demoDir().toAbsolutePath().toString();
                    files.location = Location.EXTERNAL;
                });
            }
            if (dashboardBuilt) {
                config.staticFiles.add(files -> {
                    files.hostedPath = DASHBOARD_PATH;
                    files.directory = options.dashboardDir().toAbsolutePath().toString();
                    files.location = Location.EXTERNAL;
                });
            }
        });
        if (!demoBuilt) {
            LOG.warn("No demo page in {}; build it with: cd widget && npm ci && npm run build", options.demoDir());
            app.get("/", ctx -> ctx.html(missingPage("demo shop page", options.demoDir(), "widget", "--demo-dir")));
        }
        if (!dashboardBuilt) {
            LOG.warn("No dashboard in {}; build it with: cd dashboard && npm ci && npm run build", options.dashboardDir());
        }
        app.get(DASHBOARD_PATH, this::dashboardPage);
        CorsPolicy cors = new CorsPolicy(options.corsOrigins());
        app.before(cors::apply);
        routes();
        errorHandlers();
        app.after(ctx -> {
            if (ctx.statusCode() >= 400) {
                errorResponses.increment();
            }
        });
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). Starts the model watch. */
    public synchronized RestServer start(String host, int port) {
        app.start(host, port);
        options.watchModelDir().ifPresent(dir -> watcher = new ModelWatcher(recSys, dir, options.watchInterval()));
        LOG.info("RecSys-Lite API listening on http://{}:{}/", host, port());
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        app.stop();
    }

    private void routes() {
        app.get("/recommend", this::recommend);
        app.get("/similar-items", ctx -> ctx.json(recSys.similarItems(QueryParams.requiredId(ctx, "item_id"),
                QueryParams.k(ctx), QueryParams.options(ctx))));
        app.get("/health", this::health);
        app.get("/img/{name}", ctx -> ctx.contentType("image/svg+xml").header("Cache-Control", "max-age=86400")
                .result(DemoImages.svg(ctx.pathParam("name"))));
        app.get("/metrics", ctx -> ctx.json(MetricsResponse.of(recSys.metrics(), errorResponses.sum())));
        app.post("/events", ctx -> {
            if (!options.publicEvents() && options.apiKey().isPresent()) {
                requireApiKey(ctx);
            }
            ctx.json(new EventsResponse(recSys.record(EventsRequest.read(ctx.bodyInputStream()))));
        });
        app.before("/gdpr/*", this::requireApiKey);
        app.get("/gdpr/export", ctx -> ctx.json(recSys.exportUser(QueryParams.requiredId(ctx, "user_id"))));
        app.delete("/gdpr/users/{user_id}", ctx -> {
            String userId = ctx.pathParam("user_id");
            long removed = recSys.deleteUser(userId);
            ctx.json(new DeletedResponse(userId, removed, "erased", Instant.now()));
        });
    }

    /**
     * For a user ({@code user_id}), a visitor's session ({@code session_id}, from its recorded
     * events, else from {@code recent_items}) or a list of items just viewed
     * ({@code recent_items=a,b,c}), in that order of precedence; with none of them and
     * {@code fallback=popular}, the popular items.
     */
    private void recommend(Context ctx) {
        String userId = QueryParams.optionalId(ctx, "user_id");
        String sessionId = QueryParams.optionalId(ctx, "session_id");
        List<String> recentItems = QueryParams.list(ctx, "recent_items").stream().toList();
        int k = QueryParams.k(ctx);
        boolean fallback = QueryParams.popularFallback(ctx);
        Recommendations result;
        String who;
        if (userId != null) {
            result = recSys.recommend(userId, k, QueryParams.options(ctx));
            who = "User '" + userId + "' not found";
        } else if (sessionId != null) {
            result = recSys.recommendForSession(sessionId, k, QueryParams.options(ctx));
            if (!result.personalized() && !recentItems.isEmpty()) { // the shop did not record the visitor's events
                result = recSys.recommendForItems(recentItems, k, QueryParams.options(ctx));
            }
            who = "Session '" + sessionId + "' has no recorded events of known items";
        } else if (!recentItems.isEmpty() || fallback) {
            // nobody in particular with fallback=popular: a visitor the shop does not track
            result = recSys.recommendForItems(recentItems, k, QueryParams.options(ctx));
            who = "None of the recent_items is a known item";
        } else {
            throw new InvalidParameterException("user_id, session_id or recent_items is required");
        }
        // The library answers unknown users with popular items; the spec's API says 404 unless asked.
        if (!result.personalized() && !fallback) {
            throw new NotFoundException(who);
        }
        ctx.json(new RecommendResponse(userId, sessionId, result.personalized(), result.items()));
    }

    /**
     * {@code /dashboard/} (the router matches it with and without the slash; the static files
     * below it are served from the directory). The page's assets are relative to it, so the bare
     * path is redirected.
     */
    private void dashboardPage(Context ctx) throws IOException {
        Path index = options.dashboardDir().resolve("index.html");
        if (!ctx.path().endsWith("/")) {
            String query = ctx.queryString(); // ?key=, ?days= and ?api= are the page's parameters
            ctx.redirect(DASHBOARD_PATH + "/" + (query == null ? "" : "?" + query), HttpStatus.FOUND);
        } else if (Files.isRegularFile(index)) {
            ctx.html(Files.readString(index));
        } else {
            ctx.html(missingPage("dashboard", options.dashboardDir(), "dashboard", "--dashboard-dir"));
        }
    }

    private void health(Context ctx) {
        Optional<ModelStatus> status = recSys.status();
        long uptime = (long) recSys.metrics().uptimeSeconds();
        ctx.status(status.isPresent() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.json(new HealthResponse(status.isPresent() ? "ok" : "no_model", LibraryVersion.get(),
                status.map(ModelStatus::algorithm).orElse(null), uptime, status.map(ModelStatus::indexType).orElse(null),
                status.flatMap(ModelStatus::calibration).orElse(null)));
    }

    private void requireApiKey(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return; // a browser's CORS preflight carries no key; the request that follows must
        }
        if (options.apiKey().isEmpty()) {
            throw new ForbiddenException("The GDPR endpoints are disabled: start the server with --api-key "
                    + "or the RECSYS_API_KEY environment variable");
        }
        String given = ctx.header(API_KEY_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                options.apiKey().get().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("A valid API key is required in the " + API_KEY_HEADER + " header");
        }
    }

    private void errorHandlers() {
        app.exception(InvalidParameterException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(InvalidDataException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        app.exception(ForbiddenException.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
        app.exception(StoreBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(STORE_BUSY_RETRY_SECONDS));
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()
                    + (ctx.path().startsWith("/gdpr/") ? "; nothing was done: send the request again" : ""));
        });
        // Other library errors are states of the service, not of the request. Their messages may name
        // files of the server: the client gets what it can act on, the log the details.
        app.exception(RecsysException.class, (e, ctx) -> {
            LOG.warn("Request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, recSys.status().isEmpty()
                    ? "No model is loaded yet; try again once one is trained"
                    : "The service cannot answer right now; try again later (the server log has the details)");
        });
        app.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = String.join(", ", e.getDetails().values());
            ctx.header("Allow", allowed);
            error(ctx, HttpStatus.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path() + "; use " + allowed);
        });
        app.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error; the server log has the details");
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                error(ctx, HttpStatus.NOT_FOUND, "No endpoint " + ctx.method() + " " + ctx.path());
            }
        });
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ErrorResponse(message));
    }

    /** The page served in place of a static page that was not built, saying how to build it. */
    private static String missingPage(String what, Path dir, String npmProject, String option) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RecSys-Lite</title></head><body>"
                + "<h1>RecSys-Lite API</h1><p>The " + what + " is not built (looked in <code>"
                + dir.toAbsolutePath() + "</code>). Build it with <code>cd " + npmProject
                + " &amp;&amp; npm ci &amp;&amp; npm run build</code>, or start the server with <code>" + option
                + "</code>.</p><p>The API is up: try <a href=\"/health\">/health</a>.</p></body></html>";
    }

    /** A request without a valid API key for a protected endpoint. */
    static final class ForbiddenException extends RuntimeException {
        ForbiddenException(String message) {
            super(message);
        }
    }
}
