package io.recsyslite.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.serving.RecSys;
import io.recsyslite.core.serving.RecSysConfig;
import io.recsyslite.examples.server.Http.Reply;
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

    private static void conforms(String method, String template, Reply reply, int status) {
        assertThat(reply.status()).as(method + " " + template + ": " + reply.raw().body()).isEqualTo(status);
        assertThat(CONTRACT.violations(method, template, reply.status(), reply.raw().body()))
                .as(method + " " + template + " " + status).isEmpty();
    }

    @Test
    void answersConformToTheDocument() {
        String user = TestShop.KNOWN_USER;
        conforms("GET", "/recommend", http.get("/recommend?user_id=" + user + "&k=3"), 200);
        conforms("GET", "/recommend", http.get("/recommend?session_id=s1&recent_items=item_1&k=3"), 200);
        conforms("GET", "/recommend", http.get("/recommend?user_id=nobody"), 404);
        conforms("GET", "/recommend", http.get("/recommend?user_id=" + user + "&k=x"), 400);
        conforms("GET", "/similar-items", http.get("/similar-items?item_id=item_1&k=3"), 200);
        conforms("GET", "/similar-items", http.get("/similar-items"), 400);
        conforms("GET", "/health", http.get("/health"), 200);
        conforms("GET", "/metrics", http.get("/metrics"), 200);
        conforms("POST", "/events", http.post("/events", "[{\"user_id\": \"" + user + "\", \"item_id\": \"item_2\"}]",
                "X-API-Key", KEY), 200);
        conforms("POST", "/events", http.post("/events", "{\"item_id\": 1.5}", "X-API-Key", KEY), 400);
        conforms("POST", "/events", http.post("/events", "{\"item_id\": \"i\"}"), 403);
        conforms("GET", "/gdpr/export", http.get("/gdpr/export?user_id=" + user, "X-API-Key", KEY), 200);
        conforms("GET", "/gdpr/export", http.get("/gdpr/export?user_id=" + user), 403);
        conforms("DELETE", "/gdpr/users/{user_id}", http.delete("/gdpr/users/user_5", "X-API-Key", KEY), 200);
    }

    @Test
    void theDocumentIsServed() {
        Reply r = http.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json()).isEqualTo(CONTRACT.document());
    }
}
