package io.recsyslite.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import io.recsyslite.rest.OpenApiContract;
import io.recsyslite.spring.SampleShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example app on a random port over a generated shop with a trained ALS model: the REST API
 * the widget calls, over real HTTP, with the shapes of the Javalin server; Actuator health and meters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests turn metrics export (Prometheus) off unless asked
class ShopApplicationTest {
    static final String KEY = "s3cret";
    static final String SHOP_ORIGIN = "https://shop.example";
    private static final OpenApiContract CONTRACT = new OpenApiContract();
    private static Path root;
    private static SampleShop shop;

    @LocalServerPort
    int port;
    private Http http;

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) throws IOException {
        root = Files.createTempDirectory("recsys-boot-it");
        shop = SampleShop.create(root, 5000, "als");
        registry.add("recsys.store-path", shop.db()::toString);
        registry.add("recsys.model-dir", shop.modelDir()::toString);
        registry.add("recsys.api-key", () -> KEY);
        registry.add("recsys.cors-origins", () -> SHOP_ORIGIN);
    }

    @AfterAll
    static void removeShop() throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void recommendHasTheWidgetsShape() {
        Reply r = http.get("/recommend?user_id=" + SampleShop.KNOWN_USER + "&k=5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(Http.fieldNames(r.json())).containsExactly("user_id", "personalized", "recommendation_id", "variant",
                "recommendations");
        assertThat(r.json().get("personalized").asBoolean()).isTrue();
        assertThat(r.json().get("recommendations")).hasSize(5);
        for (JsonNode item : r.json().get("recommendations")) {
            assertThat(Http.fieldNames(item)).contains("item_id", "score", "title", "img_url").doesNotContain("itemId");
        }
    }

    @Test
    void unknownUsersAre404UnlessThePopularFallbackIsAskedFor() {
        Reply notFound = http.get("/recommend?user_id=nobody");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("error").asText()).isEqualTo("User 'nobody' not found");
        Reply popular = http.get("/recommend?user_id=nobody&k=3&fallback=popular");
        assertThat(popular.status()).isEqualTo(200);
        assertThat(popular.json().get("personalized").asBoolean()).isFalse();
        assertThat(popular.json().get("recommendations")).hasSize(3);
    }

    @Test
    void aSessionWithoutEventsIsServedFromItsRecentItems() {
        Reply r = http.get("/recommend?session_id=s-unknown&recent_items=item_1,item_2&k=4");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("session_id").asText()).isEqualTo("s-unknown");
        assertThat(r.json().get("recommendations")).hasSize(4);
        assertThat(http.get("/recommend?session_id=s-unknown").status()).isEqualTo(404);
    }

    @Test
    void badParametersAre400WithAMessage() {
        for (String request : List.of("/recommend", "/recommend?user_id=user_1&k=abc", "/recommend?user_id=user_1&k=0",
                "/recommend?user_id=user_1&min_price=50&max_price=10", "/similar-items", "/recommend?user_id=u&fallback=x")) {
            Reply r = http.get(request);
            assertThat(r.status()).as(request).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(request).isNotBlank();
        }
    }

    @Test
    void similarItemsIsAnArrayOfItems() {
        Reply r = http.get("/similar-items?item_id=item_1&k=3");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).hasSize(3);
        assertThat(r.json().get(0).has("item_id")).isTrue();
        assertThat(http.get("/similar-items?item_id=no-such-item").status()).isEqualTo(404);
    }

    @Test
    void healthAndMetricsAreTheApisOwn() {
        Reply health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("model_type").asText()).isEqualTo("als");
        http.get("/recommend?user_id=nobody");
        Reply metrics = http.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(Http.fieldNames(metrics.json())).contains("request_count", "recommendation_count", "error_count",
                "cache_hit_ratio", "p95_ms");
        assertThat(metrics.json().get("error_count").asLong()).isPositive();
    }

    @Test
    void eventsAreRecordedAndABadBatchIs400() {
        Reply ok = http.post("/events", "{\"user_id\": \"user_1\", \"item_id\": \"item_3\", \"event_type\": \"view\"}",
                "Content-Type", "application/json", "X-API-Key", KEY);
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
        assertThat(ok.json().get("stored").asInt()).isEqualTo(1);
        assertThat(http.post("/events", "{\"user_id\": 5.5}", "X-API-Key", KEY)
                .status()).isEqualTo(400);
        assertThat(http.post("/events", "[{\"user_id\": \"u\", \"item_id\": \"i\"}]")
                .status()).as("the key is required while one is set").isEqualTo(403);
    }

    @Test
    void gdprEndpointsNeedTheApiKey() {
        Reply refused = http.get("/gdpr/export?user_id=user_2");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).contains("X-API-Key");
        Reply export = http.get("/gdpr/export?user_id=user_2", "X-API-Key", KEY);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("user_id").asText()).isEqualTo("user_2");
        Reply deleted = http.delete("/gdpr/users/user_3", "X-API-Key", KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("erased");
        assertThat(deleted.json().get("deleted_events").asLong()).isPositive();
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        Reply allowed = http.get("/recommend?user_id=user_1", "Origin", SHOP_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(SHOP_ORIGIN);
        Reply refused = http.get("/recommend?user_id=user_1", "Origin", "https://evil.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).contains("https://evil.example");
        Reply preflight = http.options("/gdpr/export", "Origin", SHOP_ORIGIN,
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("X-API-Key");
    }

    @Test
    void wrongMethodsAndUnknownApiPathsAreJson() {
        Reply wrong = http.post("/recommend", "{}");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow")).contains("GET");
        assertThat(wrong.json().get("error").asText()).isEqualTo("POST is not allowed on /recommend; use GET");
        Reply unknown = http.get("/gdpr/nothing-here", "X-API-Key", KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isNotBlank();
    }

    @Test
    void actuatorHealthNamesTheModelAndTheMetersCount() {
        Reply health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode recSys = health.json().at("/components/recSys");
        assertThat(recSys.get("status").asText()).isEqualTo("UP");
        assertThat(recSys.at("/details/algorithm").asText()).isEqualTo("als");
        assertThat(recSys.at("/details/storeReachable").asBoolean()).isTrue();
        assertThat(recSys.at("/details/modelAgeSeconds").isNumber()).isTrue();

        http.get("/recommend?user_id=" + SampleShop.KNOWN_USER + "&k=4");
        Reply meter = http.get("/actuator/metrics/recsys.recommendations");
        assertThat(meter.status()).isEqualTo(200);
        assertThat(meter.json().at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(4);
        Reply prometheus = http.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw().body()).contains("recsys_http_requests_seconds{endpoint=\"/recommend\"")
                .contains("quantile=\"0.95\"").contains("recsys_cache_hit_ratio");
    }

    @Test
    void answersConformToTheOpenApiDocumentWhichIsServed() {
        CONTRACT.assertServerConforms(http, KEY, SampleShop.KNOWN_USER, "user_6");
        CONTRACT.assertConforms("GET", "/recommend", 403,
                http.get("/recommend?user_id=" + SampleShop.KNOWN_USER, "Origin", "https://evil.example"));
    }
}
