package io.recsyslite.examples.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.sample.ShopperClickModel;
import io.recsyslite.core.spi.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Simulated shoppers of a sample shop visiting a running REST server, as a shop's pages would:
 * each visit of a shopper (a user of the shop) asks {@code GET /recommend}, posts an impression
 * for every card shown and, following {@link ShopperClickModel} (the generator's own latent
 * preferences), a click, then on the clicked item's page asks {@code GET /similar-items} and reacts
 * to those cards the same way; a click sometimes ends in a purchase. Impressions and clicks carry
 * the answer's recommendation_id, so the server's online evaluation attributes them. Deterministic
 * for a seed (the server's answers aside); bounded by the visits and a time limit.
 */
public final class ShopperTraffic {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * What to simulate.
     *
     * @param shoppers how many users of the shop visit (the first ones)
     * @param visits   visits of each shopper, one round of all shoppers after the other
     * @param k        cards per answer
     * @param maxTime  stop after this long (the traffic so far counts)
     * @param seed     seed of the shoppers' choices
     */
    public record Options(int shoppers, int visits, int k, Duration maxTime, long seed) {
        public static Options defaults() {
            return new Options(300, 3, 8, Duration.ofMinutes(1), 42);
        }
    }

    /** What was sent. */
    public record Summary(int requests, int impressions, int clicks, int purchases, double seconds) {
        @Override
        public String toString() {
            return String.format("%,d requests, %,d impressions, %,d clicks, %,d purchases in %.1f s", requests,
                    impressions, clicks, purchases, seconds);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ShopperClickModel shoppers;
    private final int users;

    /** Counts of one run. */
    private static final class Tally {
        int requests;
        int impressions;
        int clicks;
        int purchases;
    }

    /** Shoppers of {@code shop} visiting the server at {@code baseUrl} (e.g. http://127.0.0.1:8000). */
    public ShopperTraffic(String baseUrl, SampleShopGenerator shop) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.shoppers = ShopperClickModel.defaults(shop);
        this.users = shop.config().users();
    }

    /** Runs the visits one after the other; progress is reported as "visits". */
    public Summary run(Options options, ProgressListener progress) throws IOException, InterruptedException {
        Tally tally = new Tally();
        SplittableRandom random = new SplittableRandom(options.seed());
        int shopperCount = Math.min(options.shoppers(), users);
        long total = (long) shopperCount * options.visits();
        long start = System.nanoTime();
        long deadline = start + options.maxTime().toNanos();
        long done = 0;
        simulation:
        for (int visit = 0; visit < options.visits(); visit++) {
            for (int user = 0; user < shopperCount; user++) {
                if (System.nanoTime() > deadline) {
                    break simulation;
                }
                visit(user, options.k(), random, tally);
                progress.update("visits", ++done, total);
            }
        }
        return new Summary(tally.requests, tally.impressions, tally.clicks, tally.purchases,
                (System.nanoTime() - start) / 1e9);
    }

    private void visit(int user, int k, SplittableRandom random, Tally tally) throws IOException, InterruptedException {
        String userId = SampleShopGenerator.userId(user);
        JsonNode answer = JSON.readTree(get("/recommend?fallback=popular&k=" + k + "&user_id=" + userId, tally).body());
        ArrayNode events = JSON.createArrayNode();
        String clicked = react(user, answer.get("recommendation_id").asText(), answer.get("recommendations"), events,
                random, tally);
        post(events, tally);
        if (clicked != null) { // the product page shows the clicked item's similar items
            HttpResponse<String> similar = get("/similar-items?k=" + k + "&item_id=" + clicked, tally);
            String id = similar.headers().firstValue("X-Recommendation-Id").orElseThrow(
                    () -> new IOException("GET /similar-items answered without X-Recommendation-Id"));
            ArrayNode more = JSON.createArrayNode();
            react(user, id, JSON.readTree(similar.body()), more, random, tally);
            post(more, tally);
        }
    }

    /** Impressions of the cards, clicks and purchases drawn from the click model; the first clicked item. */
    private String react(int user, String recommendationId, JsonNode cards, ArrayNode events, SplittableRandom random,
                         Tally tally) {
        String userId = SampleShopGenerator.userId(user);
        String firstClicked = null;
        for (JsonNode card : cards) {
            String itemId = card.get("item_id").asText();
            int item = Integer.parseInt(itemId.substring("item_".length()));
            events.add(event(userId, itemId, "impression", recommendationId));
            tally.impressions++;
            if (shoppers.clicks(user, item, random)) {
                events.add(event(userId, itemId, "click", recommendationId));
                tally.clicks++;
                firstClicked = firstClicked == null ? itemId : firstClicked;
                if (shoppers.buysAfterClick(user, item, random)) {
                    events.add(event(userId, itemId, "purchase", null));
                    tally.purchases++;
                }
            }
        }
        return firstClicked;
    }

    private static ObjectNode event(String user, String item, String type, String recommendationId) {
        ObjectNode e = JSON.createObjectNode().put("user_id", user).put("item_id", item).put("event_type", type);
        return recommendationId == null ? e : e.put("recommendation_id", recommendationId);
    }

    private HttpResponse<String> get(String pathAndQuery, Tally tally) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).GET().build(), tally);
    }

    private void post(ArrayNode events, Tally tally) throws IOException, InterruptedException {
        if (!events.isEmpty()) {
            send(HttpRequest.newBuilder(URI.create(base + "/events")).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(events))).build(), tally);
        }
    }

    private HttpResponse<String> send(HttpRequest request, Tally tally) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        tally.requests++;
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
