package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.TrafficSplit;
import io.recsyslite.examples.cli.RecsysLiteCli;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An A/B test on a real server: two variants (popularity and the constant test model), each user
 * sticky to one; impressions and clicks posted with the answers' recommendation ids; {@code GET
 * /stats} (behind the API key) and {@code recsys-lite stats} compare them.
 */
class OnlineStatsEndpointTest {
    private static final String KEY = "s3cret";

    @TempDir
    static Path root;
    private static TestShop shop;
    private static RecSysEngine recSys;
    private static RestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        shop = TestShop.create(root);
        TrafficSplit split = new TrafficSplit(List.of(new TrafficSplit.Variant("a", 50), new TrafficSplit.Variant("b", 50)));
        recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db).withAccessAuditInterval(Duration.ZERO), split);
        Map<String, Path> dirs = Map.of("a", shop.stagedDir(TestShop.POPULARITY), "b", shop.stagedDir(TestShop.CONSTANT));
        for (Map.Entry<String, Path> d : dirs.entrySet()) {
            recSys.swapModel(d.getKey(), d.getValue());
        }
        server = new RestServer(recSys, new ServerOptions(Optional.of(KEY), List.of(), root.resolve("no-demo"),
                Optional.empty(), Duration.ofSeconds(1), true).withWatchedVariants(dirs)).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        recSys.close();
    }

    @Test
    void variantsAreStickyAndStatsCompareTheirClickThroughRates() throws Exception {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> shown = new HashMap<>();
        for (int u = 0; u < 60; u++) {
            String user = "user_" + u;
            JsonNode answer = http.get("/recommend?user_id=" + user + "&k=5&fallback=popular").json();
            String variant = answer.get("variant").asText();
            users.merge(variant, 1, Integer::sum);
            assertThat(http.get("/recommend?user_id=" + user + "&k=5&fallback=popular").json().get("variant").asText())
                    .isEqualTo(variant);
            StringBuilder events = new StringBuilder("[");
            shown.merge(variant, answer.get("recommendations").size(), Integer::sum);
            for (JsonNode item : answer.get("recommendations")) {
                events.append(event(user, item.get("item_id").asText(), "impression", answer)).append(',');
            }
            if (variant.equals("b")) { // b's shoppers click their first card
                events.append(event(user, answer.get("recommendations").get(0).get("item_id").asText(), "click", answer))
                        .append(',');
            }
            events.setLength(events.length() - 1);
            assertThat(http.post("/events", events + "]").status()).isEqualTo(200);
        }
        assertThat(users).containsOnlyKeys("a", "b");

        assertThat(http.get("/stats").status()).isEqualTo(403);
        assertThat(http.get("/stats?days=0", "X-API-Key", KEY).status()).isEqualTo(400);
        assertThat(http.get("/stats?confidence=2", "X-API-Key", KEY).status()).isEqualTo(400);
        Reply reply = http.get("/stats?days=7", "X-API-Key", KEY);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode stats = reply.json();
        assertThat(Http.fieldNames(stats)).containsExactly("generated_at", "days", "conversion_window_hours", "variants",
                "daily", "comparisons", "top_items", "events_per_minute");
        assertThat(stats.get("days").asInt()).isEqualTo(7);
        assertThat(stats.get("conversion_window_hours").asDouble()).isEqualTo(24);
        JsonNode a = stats.get("variants").get(0);
        JsonNode b = stats.get("variants").get(1);
        assertThat(a.get("variant").asText()).isEqualTo("a");
        assertThat(a.get("model").get("algorithm").asText()).isEqualTo(TestShop.POPULARITY);
        assertThat(b.get("model").get("algorithm").asText()).isEqualTo(TestShop.CONSTANT);
        assertThat(a.get("traffic_share").asDouble()).isEqualTo(0.5);
        assertThat(a.get("impressions").asLong()).isEqualTo(shown.get("a").longValue());
        assertThat(a.get("clicks").asLong()).isZero();
        assertThat(b.get("clicks").asLong()).isEqualTo(users.get("b").longValue());
        assertThat(b.get("ctr").asDouble()).isEqualTo((double) users.get("b") / shown.get("b"));
        assertThat(Http.fieldNames(a)).contains("recommendations", "conversions", "conversion_rate", "revenue",
                "catalogue_coverage");
        JsonNode comparison = stats.get("comparisons").get(0);
        assertThat(comparison.get("baseline").asText()).isEqualTo("a");
        assertThat(comparison.get("method").asText()).isEqualTo("two-proportion z-test");
        assertThat(comparison.get("confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(Http.fieldNames(comparison.get("ctr"))).containsExactly("baseline", "variant", "difference", "low",
                "high", "p_value", "significant");
        assertThat(comparison.get("ctr").get("significant").asBoolean()).isTrue();
        assertThat(comparison.get("ctr").get("low").asDouble()).isPositive();
        assertThat(comparison.get("conversion_rate").get("significant").asBoolean()).isFalse();
        assertThat(stats.get("events_per_minute")).hasSize(60);
        assertThat(stats.get("daily")).isNotEmpty();
        assertThat(Http.fieldNames(stats.get("top_items").get(0))).contains("item_id", "title", "impressions", "clicks");

        StringWriter out = new StringWriter();
        var cli = RecsysLiteCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("stats", "--db", shop.db.toString())).isZero();
        assertThat(out.toString()).contains("two-proportion z-test", "95% confidence", "CTR", "significant: yes",
                TestShop.POPULARITY, TestShop.CONSTANT);
        StringWriter json = new StringWriter();
        cli.setOut(new PrintWriter(json));
        assertThat(cli.execute("stats", "--db", shop.db.toString(), "--json", "--confidence", "0.99")).isZero();
        assertThat(json.toString()).contains("\"confidence_level\" : 0.99", "\"p_value\"");
    }

    private static String event(String user, String item, String type, JsonNode answer) {
        return "{\"user_id\": \"" + user + "\", \"item_id\": \"" + item + "\", \"event_type\": \"" + type
                + "\", \"recommendation_id\": \"" + answer.get("recommendation_id").asText() + "\"}";
    }
}
