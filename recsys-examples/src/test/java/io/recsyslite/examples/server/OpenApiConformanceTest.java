package io.recsyslite.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.serving.RecSys;
import io.recsyslite.core.serving.RecSysConfig;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import io.recsyslite.rest.OpenApiContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Javalin server's real answers, successes and errors, conform to recsys-rest's openapi.json, which it serves. */
class OpenApiConformanceTest {
    private static final String KEY = "k3y";
    private static final OpenApiContract CONTRACT = new OpenApiContract();

    @TempDir
    static Path root;
    private static RecSys recSys;
    private static RestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        TestShop shop = TestShop.create(root);
        recSys = RecSys.open(RecSysConfig.defaults(shop.db), shop.modelDir);
        server = new RestServer(recSys, new ServerOptions(Optional.of(KEY), List.of(), root.resolve("no-demo"),
                Optional.empty(), Duration.ofSeconds(1))).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        recSys.close();
    }

    @Test
    void answersConformToTheDocument() {
        String user = TestShop.KNOWN_USER;
        CONTRACT.assertConforms("GET", "/recommend", 200, http.get("/recommend?user_id=" + user + "&k=3"));
        CONTRACT.assertConforms("GET", "/recommend", 200, http.get("/recommend?session_id=s1&recent_items=item_1&k=3"));
        CONTRACT.assertConforms("GET", "/recommend", 404, http.get("/recommend?user_id=nobody"));
        CONTRACT.assertConforms("GET", "/recommend", 400, http.get("/recommend?user_id=" + user + "&k=x"));
        CONTRACT.assertConforms("GET", "/similar-items", 200, http.get("/similar-items?item_id=item_1&k=3"));
        CONTRACT.assertConforms("GET", "/similar-items", 400, http.get("/similar-items"));
        CONTRACT.assertConforms("GET", "/health", 200, http.get("/health"));
        CONTRACT.assertConforms("GET", "/metrics", 200, http.get("/metrics"));
        CONTRACT.assertConforms("POST", "/events", 200, http.post("/events", "[{\"user_id\": \"" + user + "\", \"item_id\": \"item_2\"}]",
                "X-API-Key", KEY));
        CONTRACT.assertConforms("POST", "/events", 400, http.post("/events", "{\"item_id\": 1.5}", "X-API-Key", KEY));
        CONTRACT.assertConforms("POST", "/events", 403, http.post("/events", "{\"item_id\": \"i\"}"));
        CONTRACT.assertConforms("GET", "/gdpr/export", 200, http.get("/gdpr/export?user_id=" + user, "X-API-Key", KEY));
        CONTRACT.assertConforms("GET", "/gdpr/export", 403, http.get("/gdpr/export?user_id=" + user));
        CONTRACT.assertConforms("DELETE", "/gdpr/users/{user_id}", 200, http.delete("/gdpr/users/user_5", "X-API-Key", KEY));
    }

    @Test
    void theDocumentIsServed() {
        Reply r = http.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json()).isEqualTo(CONTRACT.document());
    }
}
