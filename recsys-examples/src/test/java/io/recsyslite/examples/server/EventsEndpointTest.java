package io.recsyslite.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /events and the session and recent-items queries of GET /recommend, on a real server. */
class EventsEndpointTest {
    private static final String KEY = ServedShop.KEY;

    @TempDir
    static Path root;
    private static TestShop shop;
    private static ServedShop served;
    private static RecSysEngine recSys;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        shop = TestShop.create(root);
        shop.publish(TestShop.CONSTANT);
        served = new ServedShop(shop, root);
        recSys = served.recSys;
        http = served.http;
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void eventsAreStoredAndTheNextRecommendationReflectsThem() {
        String top = http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=1").json()
                .get("recommendations").get(0).get("item_id").asText();

        Reply stored = http.post("/events", "[{\"user_id\": \"" + TestShop.KNOWN_USER + "\", \"item_id\": \"" + top
                + "\", \"event_type\": \"purchase\"}, {\"session_id\": \"v1\", \"item_id\": \"item_3\", \"ts\": "
                + System.currentTimeMillis() / 1000 + ", \"qty\": 1}]", "X-API-Key", KEY);

        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(2);
        assertThat(http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=3").json().get("recommendations")
                .findValuesAsText("item_id")).doesNotContain(top);
        recSys.flushEvents();
        assertThat(recSys.withStore(RecsysStore::eventCount)).isGreaterThanOrEqualTo(2002);
    }

    @Test
    void aVisitorGetsSessionRecommendationsAndRecentItemsNeedNoStoredEvents() {
        assertThat(http.get("/recommend?session_id=fresh").status()).isEqualTo(404);
        Reply popular = http.get("/recommend?session_id=fresh&fallback=popular&k=2");
        assertThat(popular.json().get("personalized").asBoolean()).isFalse();
        assertThat(popular.json().get("session_id").asText()).isEqualTo("fresh");

        http.post("/events", "{\"session_id\": \"fresh\", \"item_id\": \"item_49\", \"event_type\": \"view\"}",
                "X-API-Key", KEY);
        Reply session = http.get("/recommend?session_id=fresh&k=3");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("personalized").asBoolean()).isTrue();
        assertThat(session.json().get("recommendations").findValuesAsText("item_id")).doesNotContain("item_49");

        Reply untracked = http.get("/recommend?session_id=untracked&recent_items=item_48&k=3");
        assertThat(untracked.json().get("personalized").asBoolean()).isTrue();
        assertThat(untracked.json().get("recommendations").findValuesAsText("item_id")).doesNotContain("item_48");
        Reply anybody = http.get("/recommend?k=2&fallback=popular");
        assertThat(anybody.json().get("personalized").asBoolean()).isFalse();
        assertThat(anybody.json().get("recommendations")).hasSize(2);
        assertThat(http.get("/recommend?k=2").status()).isEqualTo(400);

        Reply recent = http.get("/recommend?recent_items=item_48,item_47&k=3");
        assertThat(recent.json().get("personalized").asBoolean()).isTrue();
        assertThat(recent.json().get("recommendations").findValuesAsText("item_id"))
                .hasSize(3).doesNotContain("item_48", "item_47");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"user_id\": \"u1\", \"item_id\": | malformed JSON",
        "{\"item_id\": \"i1\"} | event 0, field user_id: missing user id and session id",
        "[{\"user_id\": \"u1\", \"item_id\": \"i1\"}, {\"user_id\": \"\", \"item_id\": \"i1\"}] | event 1, field user_id: empty user id",
        "{\"user_id\": \"u1\", \"item_id\": \"i1\", \"ts\": 1700000000000} | event 0, field ts: timestamp 1700000000000 is more than 1 day in the future",
        "{\"user_id\": \"u1\", \"item_id\": \"i1\", \"ts\": 4102444800} | event 0, field ts: timestamp 4102444800 is more than 1 day in the future",
        "{\"user_id\": \"u1\", \"item_id\": \"i1\", \"qty\": -1} | event 0, field qty: negative quantity -1",
        "{\"user_id\": \"u1\", \"item_id\": \"i1\", \"ts\": \"yesterday\"} | event 0, field ts: must be an integer",
        "{\"user_id\": \"u1\", \"item_id\": \"i1\", \"event_type\": \"add to cart\"} | event 0, field event_type: event type 'add to cart' is not one word",
        "{\"userid\": \"u1\", \"item_id\": \"i1\"} | event 0, field userid: unknown field",
        "[] | the array holds no events",
        "42 | event 0: must be a JSON object",
    })
    void badEventsAre400sNamingTheEventAndFieldAndStoreNothing(String body, String message) {
        long before = storedEvents();

        Reply r = http.post("/events", body, "X-API-Key", KEY);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains(message);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void hugeBodiesBatchesAndIdsAreRefused() {
        Reply tenMegabytes = http.post("/events", "[" + "{\"user_id\": \"u1\", \"item_id\": \"i1\"},".repeat(300_000)
                + "{}]", "X-API-Key", KEY);
        assertThat(tenMegabytes.status()).isEqualTo(413);
        assertThat(tenMegabytes.json().get("error").asText()).contains("larger than 1048576 bytes");

        Reply batch = http.post("/events", "[" + "{\"user_id\": \"u1\", \"item_id\": \"i1\"},".repeat(1000) + "{}]",
                "X-API-Key", KEY);
        assertThat(batch.status()).isEqualTo(413);
        assertThat(batch.json().get("error").asText()).contains("1001 events in one request; at most 1000");

        Reply longId = http.post("/events", "{\"user_id\": \"" + "u".repeat(10_000) + "\", \"item_id\": \"i1\"}",
                "X-API-Key", KEY);
        assertThat(longId.status()).isEqualTo(400);
        assertThat(longId.json().get("error").asText()).contains("user id of 10000 characters (at most 512)");
    }

    @Test
    void writingEventsNeedsTheKeyUnlessTheServerMakesThemPublic() {
        String event = "{\"session_id\": \"beacon\", \"item_id\": \"item_1\", \"event_type\": \"view\"}";
        assertThat(http.post("/events", event).status()).isEqualTo(403);

        try (RestServer open = new RestServer(recSys, new ServerOptions(Optional.of(KEY), List.of(),
                root.resolve("no-demo"), Optional.empty(), Duration.ofSeconds(1)).withPublicEvents(true))
                .start("127.0.0.1", 0)) {
            assertThat(new Http(open.port()).post("/events", event).status()).isEqualTo(200);
        }
    }

    @Test
    void manyConcurrentPostsOnTheFewestRequestThreadsAreAllAnsweredAndStored() throws Exception {
        long before = storedEvents();
        int clients = 40;
        int each = 10;
        ServerOptions fewest = new ServerOptions(Optional.empty(), List.of(), root.resolve("no-demo"), Optional.empty(),
                Duration.ofSeconds(1)).withRequestThreads(ServerOptions.MIN_REQUEST_THREADS);
        try (RestServer small = new RestServer(recSys, fewest).start("127.0.0.1", 0)) {
            Http client = new Http(small.port());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int c = 0; c < clients * each; c++) {
                    String event = "{\"session_id\": \"many-" + c + "\", \"item_id\": \"item_2\", \"event_type\": \"view\"}";
                    answers.add(pool.submit(() -> client.post("/events", event).status()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(storedEvents() - before).isEqualTo(clients * each);
    }

    @Test
    void aServerNeedsItsAcceptorSelectorAndTwoRequestThreads() {
        ServerOptions options = new ServerOptions(Optional.empty(), List.of(), root.resolve("no-demo"), Optional.empty(),
                Duration.ofSeconds(1));
        assertThatThrownBy(() -> options.withRequestThreads(ServerOptions.MIN_REQUEST_THREADS - 1))
                .hasMessageContaining("at least 4 request threads");
    }

    private static long storedEvents() {
        recSys.flushEvents();
        return recSys.withStore(RecsysStore::eventCount);
    }
}
