package io.recsyslite.examples.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Which browser origins may call the API, checked before any handler runs: a request whose
 * {@code Origin} is not allowed is refused with 403 and never reaches the endpoint. With no
 * configured origins the public endpoints allow any origin ({@code *}) and the GDPR endpoints
 * none; configured origins are echoed one by one, never as {@code *}. The server's own pages
 * (same origin) are always allowed. Immutable; thread-safe.
 */
final class CorsPolicy {
    private static final String GDPR_PREFIX = "/gdpr/";

    private final List<String> origins;

    CorsPolicy(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /** Refuses a disallowed origin, adds the CORS headers otherwise, and answers preflights itself. */
    void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || isSameOrigin(ctx, origin)) {
            return;
        }
        boolean gdpr = ctx.path().startsWith(GDPR_PREFIX);
        if (origins.isEmpty() ? gdpr : !origins.contains(origin)) {
            throw new RestServer.ForbiddenException("Origin " + origin + " may not call " + ctx.path()
                    + (gdpr && origins.isEmpty() ? " (the GDPR endpoints need --cors-origin to be called from a browser)"
                                                 : "; allowed origins are set with --cors-origin"));
        }
        ctx.header("Access-Control-Allow-Origin", origins.isEmpty() ? "*" : origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", RestServer.RECOMMENDATION_ID_HEADER + ", " + RestServer.VARIANT_HEADER);
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Content-Type, " + RestServer.API_KEY_HEADER);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(HttpStatus.NO_CONTENT);
            ctx.skipRemainingHandlers();
        }
    }

    private static boolean isSameOrigin(Context ctx, String origin) {
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
