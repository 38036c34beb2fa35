package io.recsyslite.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which browser origins may call the API, checked before any handler runs: a request whose
 * {@code Origin} is not allowed is refused with 403 and never reaches the endpoint. With no
 * configured origins the public endpoints allow any origin ({@code *}) and the GDPR endpoints
 * none; configured origins are echoed one by one, never as {@code *}. The server's own pages
 * (same origin) are always allowed. Knows no web framework. Immutable; thread-safe.
 */
public final class CorsPolicy {
    private static final String GDPR_PREFIX = "/gdpr/";
    private static final String HOW_TO_SET_ORIGINS = "--cors-origin (the CLI) or recsys.cors-origins (Spring Boot)";

    private final List<String> origins;

    /** What a server does with a request: add {@code headers}; a preflight is answered 204 at once. */
    public record Decision(Map<String, String> headers, boolean answerPreflight) {
    }

    public CorsPolicy(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /**
     * @param origin the request's {@code Origin} header, or null
     * @param host   its {@code Host} header, or null
     * @param requestMethod its {@code Access-Control-Request-Method} header, or null
     * @throws ForbiddenException for a disallowed origin
     */
    public Decision check(String method, String path, String origin, String host, String requestMethod) {
        if (origin == null || isSameOrigin(host, origin)) {
            return new Decision(Map.of(), false);
        }
        boolean gdpr = path.startsWith(GDPR_PREFIX);
        if (origins.isEmpty() ? gdpr : !origins.contains(origin)) {
            throw new ForbiddenException("Origin " + origin + " may not call " + path
                    + (gdpr && origins.isEmpty() ? " (the GDPR endpoints need configured origins to be called from a browser: " + HOW_TO_SET_ORIGINS + ")"
                                                 : "; allowed origins are set with " + HOW_TO_SET_ORIGINS));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", origins.isEmpty() ? "*" : origin);
        headers.put("Vary", "Origin");
        headers.put("Access-Control-Expose-Headers", RestApi.RECOMMENDATION_ID_HEADER + ", " + RestApi.VARIANT_HEADER);
        boolean preflight = "OPTIONS".equals(method) && requestMethod != null;
        if (preflight) {
            headers.put("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            headers.put("Access-Control-Allow-Headers", "Content-Type, " + RestApi.API_KEY_HEADER);
            headers.put("Access-Control-Max-Age", "600");
        }
        return new Decision(headers, preflight);
    }

    private static boolean isSameOrigin(String host, String origin) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
