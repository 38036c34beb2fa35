package io.recsyslite.examples.server;

import io.recsyslite.Recommendations;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.rest.ApiJson;
import io.recsyslite.rest.CorsPolicy;
import io.recsyslite.rest.DemoImages;
import io.recsyslite.rest.OpenApi;
import io.recsyslite.rest.QueryParams;
import io.recsyslite.rest.RestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example REST server: the product spec's HTTP API over a {@link RecSysEngine}, the GDPR endpoints
 * behind an API key, the demo shop page, and a watch on the model directory for hot swaps. Every
 * answer is JSON; what a client sends wrong is a 4xx with {@code {"error": ...}}, never a 500.
 * The server only translates HTTP to the framework-free {@link RestApi} (recsys-rest), which the
 * Spring Boot starter serves too; the behaviour lives in {@link RecSysEngine}.
 *
 * <p>Thread-safe (requests run on Jetty's pool; the RecSysEngine is thread-safe). The RecSysEngine is not
 * owned: {@link #close()} stops the server and the watch, the caller closes the RecSysEngine.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    static final String DASHBOARD_PATH = "/dashboard";

    private final RecSysEngine recSys;
    private final ServerOptions options;
    private final RestApi api;
    private final CorsPolicy cors;
    private final QueuedThreadPool requestThreads;
    /** Where the handlers that use the store run (the store takes one user at a time anyway). */
    private final ExecutorService storeThreads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "recsys-http-store");
        t.setDaemon(true);
        return t;
    });
    private final Javalin app;
    private final List<ModelWatcher> watchers = new ArrayList<>();

    public RestServer(RecSysEngine recSys, ServerOptions options) {
        this.recSys = recSys;
        this.options = options;
        this.api = new RestApi(recSys, options.apiKey(), options.publicEvents());
        this.cors = new CorsPolicy(options.corsOrigins());
        boolean demoBuilt = Files.isRegularFile(options.demoDir().resolve("index.html"));
        boolean dashboardBuilt = Files.isRegularFile(options.dashboardDir().resolve("index.html"));
        this.requestThreads = new QueuedThreadPool(options.requestThreads(), Math.min(8, options.requestThreads()));
        requestThreads.setName("recsys-http");
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.threadPool = requestThreads;
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
        app.before(this::applyCors);
        routes();
        errorHandlers();
        app.after(ctx -> {
            if (ctx.statusCode() >= 400) {
                api.countErrorAnswer();
            }
        });
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). Starts the model watch. */
    public synchronized RestServer start(String host, int port) {
        app.start(host, port);
        options.watchModelDir().ifPresent(dir -> watchers.add(
                new ModelWatcher(recSys, recSys.split().names().get(0), dir, options.watchInterval())));
        options.watchVariants().forEach((variant, dir) -> watchers.add(
                new ModelWatcher(recSys, variant, dir, options.watchInterval())));
        LOG.info("RecSys-Lite API listening on http://{}:{}/", host, port());
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public synchronized void close() {
        watchers.forEach(ModelWatcher::close);
        watchers.clear();
        app.stop();
        storeThreads.shutdownNow();
    }

    private void routes() {
        app.get("/recommend", ctx -> ctx.json(api.recommend(query(ctx))));
        app.get("/similar-items", ctx -> {
            Recommendations similar = api.similarItems(query(ctx));
            ctx.header(RestApi.RECOMMENDATION_ID_HEADER, similar.recommendationId())
                    .header(RestApi.VARIANT_HEADER, similar.variant()).json(similar.items());
        });
        app.get("/stats", ctx -> offRequestThreads(ctx, c -> c.json(api.stats(query(c), c.header(RestApi.API_KEY_HEADER),
                options.conversionWindow()))));
        app.get("/health", ctx -> {
            RestApi.Answer health = api.health();
            ctx.status(health.status()).json(health.body());
        });
        app.get("/img/{name}", ctx -> ctx.contentType("image/svg+xml").header("Cache-Control", "max-age=86400")
                .result(DemoImages.svg(ctx.pathParam("name"))));
        app.get("/metrics", ctx -> ctx.json(api.metrics()));
        app.get(OpenApi.PATH, ctx -> ctx.contentType("application/json").result(OpenApi.document()));
        app.post("/events", ctx -> {
            CompletableFuture<ApiJson.EventsResponse> recorded = api.eventsAsync(ctx.bodyInputStream(),
                    ctx.header(RestApi.API_KEY_HEADER));
            // no request thread waits for the disk sync; the answer (a failure too, hence whenComplete)
            // is written on a request thread, not on the journal's writer
            ctx.future(() -> recorded.whenCompleteAsync((answer, failure) -> { }, requestThreads).thenAccept(ctx::json));
        });
        app.before("/gdpr/*", ctx -> {
            if (ctx.method() != HandlerType.OPTIONS) { // a browser's CORS preflight carries no key
                api.requireApiKey(ctx.header(RestApi.API_KEY_HEADER));
            }
        });
        app.get("/gdpr/export", ctx -> offRequestThreads(ctx, c -> c.json(api.export(query(c)))));
        app.delete("/gdpr/users/{user_id}", ctx -> offRequestThreads(ctx, c -> {
            RestApi.Answer erasure = api.delete(c.pathParam("user_id"));
            c.status(erasure.status()).json(erasure.body());
        }));
        app.get("/gdpr/users/{user_id}", ctx -> offRequestThreads(ctx, c -> c.json(api.erasureStatus(c.pathParam("user_id")))));
    }

    /**
     * Runs a handler that reads or writes the store on the server's store threads: the few request
     * threads must not wait there (up to 10 s while another process holds the file) and leave
     * {@code /recommend}, which never touches the store, unanswered.
     */
    private void offRequestThreads(Context ctx, Handler storeWork) {
        ctx.future(() -> CompletableFuture.runAsync(() -> {
            try {
                storeWork.handle(ctx);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, storeThreads));
    }

    private static QueryParams query(Context ctx) {
        return new QueryParams(ctx::queryParams);
    }

    /** Refuses a disallowed origin, adds the CORS headers otherwise, and answers preflights itself. */
    private void applyCors(Context ctx) {
        CorsPolicy.Decision decision = cors.check(ctx.method().name(), ctx.path(), ctx.header("Origin"),
                ctx.header("Host"), ctx.header("Access-Control-Request-Method"));
        decision.headers().forEach(ctx::header);
        if (decision.answerPreflight()) {
            ctx.status(HttpStatus.NO_CONTENT);
            ctx.skipRemainingHandlers();
        }
    }

    private void errorHandlers() {
        app.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = String.join(", ", e.getDetails().values());
            ctx.header("Allow", allowed);
            error(ctx, new RestApi.ErrorAnswer(405, ctx.method() + " is not allowed on " + ctx.path() + "; use " + allowed));
        });
        app.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, new RestApi.ErrorAnswer(e.getStatus(), e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            RestApi.ErrorAnswer answer = api.error(e, ctx.method().name(), ctx.path());
            error(ctx, answer != null ? answer : RestApi.internalError(e, ctx.method().name(), ctx.path()));
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null) {
                error(ctx, new RestApi.ErrorAnswer(404, "No endpoint " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    private static void error(Context ctx, RestApi.ErrorAnswer answer) {
        answer.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
        ctx.status(answer.status()).json(answer.body());
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

    private static String missingPage(String what, Path dir, String npmProject, String option) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RecSys-Lite</title></head><body>"
                + "<h1>RecSys-Lite API</h1><p>The " + what + " is not built (looked in <code>"
                + dir.toAbsolutePath() + "</code>). Build it with <code>cd " + npmProject
                + " &amp;&amp; npm ci &amp;&amp; npm run build</code>, or start the server with <code>" + option
                + "</code>.</p><p>The API is up: try <a href=\"/health\">/health</a>.</p></body></html>";
    }
}
