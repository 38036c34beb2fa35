package io.recsyslite.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 document of the REST API (the resource {@code openapi.json} beside this class):
 * every endpoint, parameter, JSON shape and error answer, served at {@code /openapi.json} by both
 * servers. The one description of the API: a field added to {@link ApiJson} is added there too
 * (the servers' tests check their real answers against it).
 */
public final class OpenApi {
    /** Where the document is served. */
    public static final String PATH = "/openapi.json";
    private static final byte[] DOCUMENT = load();

    private OpenApi() {
    }

    /** The document's bytes (UTF-8 JSON); a copy, so callers may keep it. */
    public static byte[] document() {
        return DOCUMENT.clone();
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing beside " + OpenApi.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
