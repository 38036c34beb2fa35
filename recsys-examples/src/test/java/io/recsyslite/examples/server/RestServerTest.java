package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.core.testing.StoreHeldElsewhere;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API against a real server on a random port over a generated shop and a popularity model. */
class RestServerTest {
    private static final String KEY = "s3cret";
    private static final String SHOP_ORIGIN = "https://shop.example";
    private static final Set<String> ITEM_FIELDS = Set.of("item_id", "score", "title", "category", "brand", "price",
            "img_url");

    @TempDir
    static Path root;
    private static RecSysEngine recSys;
    private static RestServer server;
    private static Http http;
    private static Path shopDb;

    @BeforeAll
    static void start() throws IOException {
        TestShop shop = TestShop.create(root);
        shopDb = shop.db;
        Path demo = Files.createDirectories(root.resolve("demo"));
        Files.writeString(demo.resolve("index.html"), "<html><body>demo-shop-page</body></html>");
        recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db), shop.modelDir);
        server = new RestServer(recSys, options(Optional.of(KEY), demo)).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        recSys.close();
    }

    private static ServerOptions options(Optional<String> key, Path demo) {
        return new ServerOptions(key, List.of(SHOP_ORIGIN), demo, Optional.empty(), Duration.ofSeconds(1));
    }

    @Test
    void recommendationsAreAnsweredWhileStoreRequestsWaitForABusyStore() throws Exception {
        ServerOptions fewest = options(Optional.of(KEY), root.resolve("no-demo"))
                .withRequestThreads(ServerOptions.MIN_REQUEST_THREADS);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (RestServer small = new RestServer(recSys, fewest).start("127.0.0.1", 0)) {
            Http client = new Http(small.port());
            clients.submit(() -> recSys.withStore(store -> { // the store is busy until released
                held.countDown();
                await(release);
                return null;
            }));
            held.await();
            List<Future<Integer>> storeAnswers = new ArrayList<>();
            for (int i = 0; i < 6; i++) { // more than the server has request threads
                storeAnswers.add(clients.submit(() -> client.get("/stats", "X-API-Key", KEY).status()));
            }
            Thread.sleep(300);
            Future<Integer> recommended = clients.submit(() ->
                    client.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=3").status());
            assertThat(recommended.get(5, TimeUnit.SECONDS)).as("answered while the store is busy").isEqualTo(200);
            release.countDown();
            for (Future<Integer> answer : storeAnswers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void recommendHasTheSpecShape() {
        Reply r = http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(Http.fieldNames(body)).containsExactly("user_id", "personalized", "recommendation_id", "variant",
                "recommendations");
        assertThat(body.get("recommendation_id").asText()).isNotBlank();
        assertThat(body.get("variant").asText()).isEqualTo("default");
        assertThat(body.get("user_id").asText()).isEqualTo(TestShop.KNOWN_USER);
        assertThat(body.get("personalized").asBoolean()).isTrue();
        assertThat(body.get("recommendations")).hasSize(5);
        for (JsonNode item : body.get("recommendations")) {
            assertThat(Http.fieldNames(item)).containsExactlyInAnyOrderElementsOf(ITEM_FIELDS);
            assertThat(item.get("item_id").asText()).startsWith("item_");
            assertThat(item.get("title").asText()).isNotBlank();
            assertThat(item.get("price").isNumber()).isTrue();
        }
        assertThat(http.get("/recommend?user_id=" + TestShop.KNOWN_USER).json().get("recommendations")).hasSize(10);
    }

    @Test
    void popularityGivesNoReasonsButSaysSoWhenAsked() {
        JsonNode items = http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=3&explain=true").json()
                .get("recommendations");

        assertThat(items).hasSize(3);
        for (JsonNode item : items) {
            assertThat(item.get("reasons").isArray()).isTrue();
            assertThat(item.get("reasons")).isEmpty();
        }
    }

    @Test
    void unknownUserIs404UnlessThePopularFallbackIsAskedFor() {
        Reply notFound = http.get("/recommend?user_id=nobody");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("error").asText()).isEqualTo("User 'nobody' not found");

        Reply popular = http.get("/recommend?user_id=nobody&k=3&fallback=popular");
        assertThat(popular.status()).isEqualTo(200);
        assertThat(popular.json().get("personalized").asBoolean()).isFalse();
        assertThat(popular.json().get("recommendations")).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/recommend", "/recommend?user_id=", "/recommend?user_id=%20", "/recommend?user_id=user_0&k=0",
        "/recommend?user_id=user_0&k=-3", "/recommend?user_id=user_0&k=101", "/recommend?user_id=user_0&k=abc",
        "/recommend?user_id=user_0&k=1.5", "/recommend?user_id=user_0&k=%D9%A3", "/recommend?user_id=user_0&k=%EF%BC%95", "/recommend?user_id=user_0&k=99999999999", "/recommend?user_id=user_0&min_price=abc",
        "/recommend?user_id=user_0&max_price=-1", "/recommend?user_id=user_0&min_price=NaN",
        "/recommend?user_id=user_0&min_price=50&max_price=10", "/recommend?user_id=user_0&in_stock=maybe",
        "/recommend?user_id=user_0&exclude_seen=perhaps", "/recommend?user_id=user_0&use_faiss=x",
        "/recommend?user_id=user_0&fallback=random", "/recommend?user_id=user_0&explain=maybe", "/recommend?user_id=nobody&fallback=popular&k=0",
        "/similar-items", "/similar-items?item_id=item_1&k=0", "/similar-items?item_id=item_1&k=x",
        "/similar-items?item_id=item_1&max_price=cheap"})
    void badParametersAre400WithAMessage(String request) {
        Reply r = http.get(request);
        assertThat(r.status()).as(request).isEqualTo(400);
        assertThat(r.json().get("error").asText()).as(request).isNotBlank();
    }

    @Test
    void similarItemsIsAJsonArrayOfItems() {
        Reply r = http.get("/similar-items?item_id=item_1&k=4", "Origin", SHOP_ORIGIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.header("X-Recommendation-Id")).isNotBlank();
        assertThat(r.header("X-Variant")).isEqualTo("default");
        assertThat(r.header("Access-Control-Expose-Headers")).contains("X-Recommendation-Id", "X-Variant");
        assertThat(r.json()).hasSize(4);
        for (JsonNode item : r.json()) {
            assertThat(Http.fieldNames(item)).containsExactlyInAnyOrderElementsOf(ITEM_FIELDS);
            assertThat(item.get("item_id").asText()).isNotEqualTo("item_1");
        }
        Reply unknown = http.get("/similar-items?item_id=no-such-item");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no-such-item");
    }

    @Test
    void businessFiltersRestrictTheItems() {
        String base = "/recommend?user_id=" + TestShop.KNOWN_USER + "&k=20";
        List<JsonNode> all = items(http.get(base));
        String category = all.get(0).get("category").asText();
        assertThat(items(http.get(base + "&category=" + category.replace(" ", "%20"))))
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("category").asText()).isEqualTo(category));

        assertThat(items(http.get(base + "&min_price=20&max_price=60")))
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("price").asDouble()).isBetween(20.0, 60.0));

        assertThat(items(http.get(base + "&in_stock=true"))).isNotEmpty().allSatisfy(i ->
                assertThat(Integer.parseInt(i.get("item_id").asText().substring(5)) % 2).isZero());

        String first = all.get(0).get("item_id").asText();
        String second = all.get(1).get("item_id").asText();
        assertThat(ids(items(http.get(base + "&exclude=" + first + "," + second)))).doesNotContain(first, second);
        assertThat(ids(items(http.get(base + "&exclude=" + first + "&exclude=" + second)))).doesNotContain(first, second);
    }

    @Test
    void seenItemsAreExcludedUnlessAskedOtherwise() {
        Set<String> seen = new HashSet<>();
        http.get("/gdpr/export?user_id=" + TestShop.KNOWN_USER, "X-API-Key", KEY).json().get("events")
                .forEach(e -> seen.add(e.get("item_id").asText()));
        assertThat(seen).isNotEmpty();
        String base = "/recommend?user_id=" + TestShop.KNOWN_USER + "&k=50";
        assertThat(ids(items(http.get(base)))).doesNotContainAnyElementsOf(seen);
        assertThat(ids(items(http.get(base + "&exclude_seen=false")))).containsAll(seen);
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        String path = "/recommend?user_id=" + TestShop.KNOWN_USER;
        assertThat(http.get(path, "Origin", SHOP_ORIGIN).header("Access-Control-Allow-Origin")).isEqualTo(SHOP_ORIGIN);
        assertThat(http.get(path, "Origin", "https://evil.example").header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aDisallowedOriginIsRefusedBeforeTheHandlerRuns() {
        long served = recSys.metrics().requestCount();
        Reply r = http.get("/recommend?user_id=" + TestShop.KNOWN_USER, "Origin", "https://evil.example");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).contains("https://evil.example");
        assertThat(r.json().has("recommendations")).isFalse();
        assertThat(recSys.metrics().requestCount()).isEqualTo(served);
    }

    @Test
    void withoutConfiguredOriginsTheGdprEndpointsAllowNoOriginAndTheRestAny() {
        ServerOptions anyOrigin = new ServerOptions(Optional.of(KEY), List.of(), root, Optional.empty(), Duration.ofSeconds(1));
        try (RestServer open = new RestServer(recSys, anyOrigin).start("127.0.0.1", 0)) {
            Http client = new Http(open.port());
            Reply pub = client.get("/recommend?user_id=" + TestShop.KNOWN_USER, "Origin", "https://any.example");
            assertThat(pub.status()).isEqualTo(200);
            assertThat(pub.header("Access-Control-Allow-Origin")).isEqualTo("*");
            Reply preflight = client.options("/gdpr/users/user_3", "Origin", "https://any.example",
                    "Access-Control-Request-Method", "DELETE");
            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(client.delete("/gdpr/users/user_3", "X-API-Key", KEY, "Origin", "https://any.example").status())
                    .isEqualTo(403);
        }
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        Reply r = http.delete("/recommend?user_id=user_1");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).contains("GET");
        assertThat(r.json().get("error").asText()).contains("DELETE");
        assertThat(http.post("/gdpr/users/user_1", "{}", "X-API-Key", KEY).header("Allow")).contains("DELETE", "GET");
        assertThat(http.get("/no-such-endpoint").status()).isEqualTo(404);
    }

    @Test
    void jettysOwnRefusalsAreJsonToo() {
        Reply longUri = http.get("/recommend?user_id=" + "u".repeat(20_000));
        assertThat(longUri.status()).isEqualTo(414);
        assertThat(longUri.json().get("error").asText()).contains("414");
        Reply bigHeader = http.get("/health", "X-Filler", "h".repeat(20_000));
        assertThat(bigHeader.status()).isEqualTo(431);
        assertThat(bigHeader.json().get("error").asText()).contains("431");
    }

    @Test
    void everyParameterErrorIsCounted() {
        long before = http.get("/metrics").json().get("error_count").asLong();
        http.get("/recommend");
        http.get("/recommend?user_id=user_1&k=abc");
        assertThat(http.get("/metrics").json().get("error_count").asLong()).isEqualTo(before + 2);
    }

    @Test
    void gdprDeleteWhileAnotherProcessHoldsTheStoreIsQueuedDurablyAndDoneOnceTheStoreIsFree() throws Exception {
        assertThat(http.get("/gdpr/users/user_4", "X-API-Key", KEY).status()).isEqualTo(404); // never asked for
        Reply queued;
        Reply statusWhileHeld;
        Reply recommendWhileHeld;
        try (StoreHeldElsewhere held = StoreHeldElsewhere.hold(shopDb)) {
            queued = http.delete("/gdpr/users/user_4", "X-API-Key", KEY);
            statusWhileHeld = http.get("/gdpr/users/user_4", "X-API-Key", KEY);
            recommendWhileHeld = http.get("/recommend?user_id=user_4&fallback=popular");
        }
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("status").asText()).isEqualTo("queued");
        assertThat(queued.json().get("queued_at").asText()).isNotBlank();
        assertThat(queued.json().get("message").asText()).contains("GET /gdpr/users/{user_id}")
                .doesNotContain(root.toString()).doesNotContainPattern("(?i)pid|java");
        assertThat(statusWhileHeld.json().get("status").asText()).isEqualTo("queued");
        assertThat(recommendWhileHeld.json().get("personalized").asBoolean()).isFalse(); // erased from the request on
        assertThat(Files.list(shopDb.resolveSibling(shopDb.getFileName() + ".erasures")).count()).isEqualTo(1);

        Reply status = statusWhileHeld;
        for (int i = 0; i < 300 && !"erased".equals(status.json().get("status").asText()); i++) {
            Thread.sleep(100);
            status = http.get("/gdpr/users/user_4", "X-API-Key", KEY);
        }
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("status").asText()).isEqualTo("erased");
        assertThat(status.json().get("erased_at").asText()).isNotBlank();
        assertThat(http.get("/gdpr/export?user_id=user_4", "X-API-Key", KEY).json().get("events")).isEmpty();
    }

    @Test
    void corsPreflightForTheGdprEndpointsNeedsNoKey() {
        Reply r = http.options("/gdpr/users/user_3", "Origin", SHOP_ORIGIN, "Access-Control-Request-Method", "DELETE",
                "Access-Control-Request-Headers", "X-API-Key");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(SHOP_ORIGIN);
        assertThat(r.header("Access-Control-Allow-Headers")).containsIgnoringCase("X-API-Key");
        assertThat(http.get("/recommend?user_id=user_3").status()).isEqualTo(200);
    }

    @Test
    void healthNamesTheModel() {
        Reply r = http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Http.fieldNames(r.json())).containsExactly("status", "version", "model_type", "uptime_seconds",
                "index", "index_calibration");
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().get("index").asText()).isEqualTo("exact"); // popularity scores itself
        assertThat(r.json().get("index_calibration").isNull()).isTrue();
        assertThat(r.json().get("model_type").asText()).isEqualTo(TestShop.POPULARITY);
        assertThat(r.json().get("version").asText()).isNotBlank();
    }

    @Test
    void metricsCountRequestsAndErrors() {
        JsonNode before = http.get("/metrics").json();
        assertThat(Http.fieldNames(before)).containsExactly("uptime_seconds", "request_count", "recommendation_count",
                "error_count", "recommendations_per_second", "cache_hit_ratio", "p50_ms", "p95_ms", "p99_ms");
        for (int i = 0; i < 3; i++) {
            http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=2");
        }
        http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=0");
        JsonNode after = http.get("/metrics").json();
        assertThat(after.get("request_count").asLong() - before.get("request_count").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(after.get("recommendation_count").asLong() - before.get("recommendation_count").asLong())
                .isGreaterThanOrEqualTo(6);
        assertThat(after.get("error_count").asLong()).isGreaterThan(before.get("error_count").asLong());
        assertThat(after.get("cache_hit_ratio").asDouble()).isGreaterThan(0);
        assertThat(after.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(after.get("p50_ms").asDouble());
    }

    @Test
    void gdprEndpointsNeedTheApiKey() {
        assertThat(http.get("/gdpr/export?user_id=user_1").status()).isEqualTo(403);
        assertThat(http.get("/gdpr/export?user_id=user_1", "X-API-Key", "wrong").status()).isEqualTo(403);
        Reply delete = http.delete("/gdpr/users/user_1");
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.json().get("error").asText()).contains("X-API-Key");
        assertThat(http.get("/recommend?user_id=user_1").status()).isEqualTo(200);
    }

    @Test
    void gdprEndpointsAreDisabledWithoutAConfiguredKey() {
        try (RestServer noKey = new RestServer(recSys, options(Optional.empty(), root)).start("127.0.0.1", 0)) {
            Reply r = new Http(noKey.port()).get("/gdpr/export?user_id=user_1", "X-API-Key", "");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("error").asText()).contains("disabled");
        }
    }

    @Test
    void deletedUserIsForgotten() {
        String user = "user_2";
        Reply export = http.get("/gdpr/export?user_id=" + user, "X-API-Key", KEY);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("user_id").asText()).isEqualTo(user);
        assertThat(export.json().get("events")).isNotEmpty();
        assertThat(http.get("/recommend?user_id=" + user).status()).isEqualTo(200);

        Reply deleted = http.delete("/gdpr/users/" + user, "X-API-Key", KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted_events").asLong()).isEqualTo(export.json().get("events").size());

        assertThat(http.get("/recommend?user_id=" + user).status()).isEqualTo(404);
        assertThat(http.get("/recommend?user_id=" + user + "&fallback=popular").json().get("personalized").asBoolean())
                .isFalse();
        assertThat(http.get("/gdpr/export?user_id=" + user, "X-API-Key", KEY).json().get("events")).isEmpty();
    }

    @Test
    void servesTheDemoPageOrSaysHowToBuildIt() throws IOException {
        Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("demo-shop-page");
        try (RestServer noDemo = new RestServer(recSys, options(Optional.empty(), root.resolve("missing")))
                .start("127.0.0.1", 0)) {
            Reply hint = new Http(noDemo.port()).get("/");
            assertThat(hint.status()).isEqualTo(200);
            assertThat(hint.raw().body()).contains("npm run build");
        }
    }

    @Test
    void unknownEndpointIsA404Json() {
        Reply r = http.get("/no-such-endpoint");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isNotBlank();
    }

    @Test
    void withoutAModelHealthSaysSoAndRequestsAre503() {
        try (RecSysEngine empty = RecSysEngine.open(RecSysConfig.defaults(root.resolve("empty.db")));
             RestServer noModel = new RestServer(empty, options(Optional.empty(), root)).start("127.0.0.1", 0)) {
            Http client = new Http(noModel.port());
            Reply health = client.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("no_model");
            Reply recommend = client.get("/recommend?user_id=user_0");
            assertThat(recommend.status()).isEqualTo(503);
            assertThat(recommend.json().get("error").asText()).contains("No model");
        }
    }

    private static List<JsonNode> items(Reply r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("recommendations").forEach(out::add);
        return out;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("item_id").asText()).toList();
    }
}
