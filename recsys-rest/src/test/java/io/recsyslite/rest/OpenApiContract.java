package io.recsyslite.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a server's real answers against {@link OpenApi}'s document: the JSON schema that the
 * document gives the answer of {@code method path} with {@code status} must accept its body. For
 * the servers' tests (through this module's test jar). Thread-safe.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final JsonNode document;

    public OpenApiContract() {
        try {
            document = JSON.readTree(OpenApi.document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document, parsed. */
    public JsonNode document() {
        return document;
    }

    /** Asserts that {@code reply} has {@code status} and conforms to the document as an answer of {@code method pathTemplate}. */
    public void assertConforms(String method, String pathTemplate, int status, Http.Reply reply) {
        String what = method + " " + pathTemplate + " " + status;
        assertThat(reply.status()).as(what + ": " + reply.raw().body()).isEqualTo(status);
        assertThat(violations(method, pathTemplate, status, reply.raw().body())).as(what).isEmpty();
    }

    /**
     * The conformance suite both servers run: successes and errors of every JSON endpoint, and the
     * document served at {@link OpenApi#PATH}. The server has the API key {@code apiKey} and
     * {@code knownUser} (with events) and {@code erasableUser} in its store.
     */
    public void assertServerConforms(Http http, String apiKey, String knownUser, String erasableUser) {
        String key = RestApi.API_KEY_HEADER;
        assertConforms("GET", "/recommend", 200, http.get("/recommend?user_id=" + knownUser + "&k=3"));
        assertConforms("GET", "/recommend", 200, http.get("/recommend?session_id=s1&recent_items=item_1&k=3"));
        assertConforms("GET", "/recommend", 404, http.get("/recommend?user_id=nobody"));
        assertConforms("GET", "/recommend", 400, http.get("/recommend?user_id=" + knownUser + "&k=x"));
        assertConforms("GET", "/similar-items", 200, http.get("/similar-items?item_id=item_1&k=3"));
        assertConforms("GET", "/similar-items", 400, http.get("/similar-items"));
        assertConforms("GET", "/health", 200, http.get("/health"));
        assertConforms("GET", "/metrics", 200, http.get("/metrics"));
        String event = "[{\"user_id\": \"" + knownUser + "\", \"item_id\": \"item_2\"}]";
        assertConforms("POST", "/events", 200, http.post("/events", event, key, apiKey));
        assertConforms("POST", "/events", 400, http.post("/events", "{\"item_id\": 1.5}", key, apiKey));
        assertConforms("POST", "/events", 403, http.post("/events", event));
        assertConforms("GET", "/gdpr/export", 200, http.get("/gdpr/export?user_id=" + knownUser, key, apiKey));
        assertConforms("GET", "/gdpr/export", 403, http.get("/gdpr/export?user_id=" + knownUser));
        assertConforms("DELETE", "/gdpr/users/{user_id}", 200, http.delete("/gdpr/users/" + erasableUser, key, apiKey));

        Http.Reply served = http.get(OpenApi.PATH);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(served.json()).isEqualTo(document);
    }

    /**
     * The schema violations of {@code body} as the answer of {@code method pathTemplate} (e.g.
     * {@code /gdpr/users/{user_id}}) with {@code status}; empty when it conforms.
     *
     * @throws IllegalArgumentException when the document does not describe that answer at all
     */
    public List<String> violations(String method, String pathTemplate, int status, String body) {
        JsonNode answer = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path(Integer.toString(status));
        if (answer.has("$ref")) { // #/components/responses/X
            answer = document.at(answer.get("$ref").asText().substring(1));
        }
        JsonNode schema = answer.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("openapi.json describes no JSON answer " + status + " of " + method
                    + " " + pathTemplate);
        }
        // The component schemas at the root, where the document's "#/components/schemas/X" points.
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("components", document.get("components"));
        root.putArray("allOf").add(schema);
        Schema validator = SCHEMAS.getSchema(root.toString());
        try {
            return validator.validate(JSON.readTree(body)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + body);
        }
    }
}
