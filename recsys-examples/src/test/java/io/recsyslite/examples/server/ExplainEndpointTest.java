package io.recsyslite.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.store.UserEvent;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code explain=true} on GET /recommend, for users, sessions and recent items, on a real server. */
class ExplainEndpointTest {
    private static final List<String> ALGORITHMS = List.of("itemknn", "ease", "als", "item2vec", "bpr", "lightfm");

    @TempDir
    static Path root;
    private static TestShop shop;
    private static ServedShop served;
    private static RecSysEngine recSys;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        shop = TestShop.create(root, ALGORITHMS);
        served = new ServedShop(shop, root);
        recSys = served.recSys;
        http = served.http;
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"itemknn", "ease", "als", "item2vec", "bpr", "lightfm"})
    void reasonsAreTheUsersOwnItemsAndOnlyWhenAsked(String algorithm) throws IOException {
        shop.publish(algorithm);
        recSys.swapModel(shop.modelDir);
        String base = "/recommend?user_id=" + TestShop.KNOWN_USER + "&k=5";
        Set<String> history = recSys.exportUser(TestShop.KNOWN_USER).events().stream().map(UserEvent::itemId)
                .collect(Collectors.toSet());

        for (JsonNode item : http.get(base).json().get("recommendations")) {
            assertThat(item.has("reasons")).isFalse();
        }
        Reply explained = http.get(base + "&explain=true");
        assertThat(explained.status()).isEqualTo(200);
        assertReasonsFrom(explained, history);
    }

    @ParameterizedTest
    @ValueSource(strings = {"itemknn", "als"})
    void sessionsAndRecentItemsAreExplainedByTheirItems(String algorithm) throws IOException {
        shop.publish(algorithm);
        recSys.swapModel(shop.modelDir);
        String session = "explained-" + algorithm;
        http.post("/events", "[{\"session_id\": \"" + session + "\", \"item_id\": \"item_3\", \"event_type\": \"view\"},"
                + "{\"session_id\": \"" + session + "\", \"item_id\": \"item_7\", \"event_type\": \"view\"}]",
                "X-API-Key", ServedShop.KEY);

        assertReasonsFrom(http.get("/recommend?session_id=" + session + "&k=4&explain=true"), Set.of("item_3", "item_7"));
        assertReasonsFrom(http.get("/recommend?recent_items=item_10,item_11&k=4&explain=true"), Set.of("item_10", "item_11"));
    }

    /** Every item has reasons, all from {@code history}, with a title and a positive contribution. */
    private static void assertReasonsFrom(Reply reply, Set<String> history) {
        JsonNode items = reply.json().get("recommendations");
        assertThat(items).isNotEmpty();
        int explained = 0;
        for (JsonNode item : items) {
            JsonNode reasons = item.get("reasons");
            assertThat(reasons.isArray()).isTrue();
            assertThat(reasons.size()).isLessThanOrEqualTo(RecSysEngine.REASONS_PER_ITEM);
            for (JsonNode reason : reasons) {
                assertThat(Http.fieldNames(reason)).containsExactlyInAnyOrder("item_id", "title", "contribution");
                assertThat(history).contains(reason.get("item_id").asText());
                assertThat(reason.get("title").asText()).isNotBlank();
                assertThat(reason.get("contribution").asDouble()).isPositive();
            }
            explained += reasons.isEmpty() ? 0 : 1;
        }
        assertThat(explained).as("items with reasons").isPositive();
    }
}
