package io.recsyslite.benchmarks.abtest;

import io.recsyslite.RecSysConfig;
import io.recsyslite.TrainRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.internal.serving.TrafficSplit;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.examples.server.RestServer;
import io.recsyslite.examples.server.ServerOptions;
import io.recsyslite.examples.traffic.ShopperTraffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An A/B test between ALS and popularity on simulated shoppers through the real REST server (on
 * the loopback interface): a sample shop is generated, ingested and both models trained on it;
 * the server serves them as variants {@code popularity} (the baseline) and {@code als}, 50:50 by
 * user id. The simulated shoppers are {@link ShopperTraffic}'s (the same as {@code recsys-lite
 * simulate-traffic}): recommendations and similar items, impressions, clicks and purchases from the
 * generator's own latent preferences. At the end {@code GET /stats} compares the variants (two-proportion z-test).
 *
 * <p>Usage: {@code AbTestSimulation EVENTS SHOPPERS VISITS MAX_SECONDS OUT_DIR}; prints a summary and
 * writes {@code OUT_DIR/stats.json}. Stops early at MAX_SECONDS (the traffic simulated so far counts).
 */
public final class AbTestSimulation {
    static final String BASELINE = "popularity";
    static final String CHALLENGER = "als";
    private static final int K = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to simulate. */
    record Config(long events, int shoppers, int visits, Duration maxTime, long seed) {
    }

    /** The outcome: the /stats answer and how much traffic was simulated. */
    record Outcome(JsonNode stats, int requests, double seconds) {
    }

    private AbTestSimulation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: AbTestSimulation EVENTS SHOPPERS VISITS MAX_SECONDS OUT_DIR");
        }
        Path out = Files.createDirectories(Path.of(args[4]));
        Config config = new Config(Long.parseLong(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Duration.ofSeconds(Long.parseLong(args[3])), 42);
        Outcome outcome = run(config, out);
        Files.writeString(out.resolve("stats.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outcome.stats()));
        System.out.println(summary(config, outcome));
    }

    static Outcome run(Config config, Path work) throws IOException, InterruptedException {
        SampleShopGenerator shop = new SampleShopGenerator(SampleShopConfig.ofEvents(config.events()).withSeed(config.seed()));
        Path data = work.resolve("data");
        shop.writeTo(data);
        Path db = work.resolve("recsys.db");
        Map<String, Path> dirs = Map.of(BASELINE, work.resolve("models").resolve(BASELINE),
                CHALLENGER, work.resolve("models").resolve(CHALLENGER));
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            Trainer trainer = new Trainer(Algorithms.discover());
            TrainingContext context = TrainingContext.singleThreaded(config.seed());
            trainer.train(store, TrainRequest.of(BASELINE, dirs.get(BASELINE)).withContext(context));
            trainer.train(store, TrainRequest.of(CHALLENGER, dirs.get(CHALLENGER))
                    .withParams(Map.of("factors", 32, "iterations", 10)).withContext(context));
        }
        TrafficSplit split = new TrafficSplit(List.of(new TrafficSplit.Variant(BASELINE, 50),
                new TrafficSplit.Variant(CHALLENGER, 50)));
        try (RecSysEngine recSys = RecSysEngine.open(RecSysConfig.defaults(db).withCacheExpiry(Duration.ZERO), split)) {
            for (Map.Entry<String, Path> d : dirs.entrySet()) {
                recSys.swapModel(d.getKey(), d.getValue());
            }
            ServerOptions options = new ServerOptions(Optional.empty(), List.of(), work.resolve("no-demo"),
                    Optional.empty(), ServerOptions.DEFAULT_WATCH_INTERVAL);
            try (RestServer server = new RestServer(recSys, options).start("127.0.0.1", 0)) {
                return simulate(config, shop, "http://127.0.0.1:" + server.port());
            }
        }
    }

    private static Outcome simulate(Config config, SampleShopGenerator shop, String base)
            throws IOException, InterruptedException {
        ShopperTraffic.Summary traffic = new ShopperTraffic(base, shop).run(new ShopperTraffic.Options(config.shoppers(),
                config.visits(), K, config.maxTime(), config.seed()), ProgressListener.NONE);
        HttpResponse<String> stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/stats?days=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (stats.statusCode() != 200) {
            throw new IOException("GET /stats answered " + stats.statusCode() + ": " + stats.body());
        }
        return new Outcome(JSON.readTree(stats.body()), traffic.requests(), traffic.seconds());
    }

    /** The figures of each variant and the comparison, as RESULTS.md quotes them. */
    static String summary(Config config, Outcome outcome) {
        StringBuilder s = new StringBuilder(String.format("A/B test on simulated shoppers: %,d events, %d shoppers x %d "
                + "visits, %d requests in %.1f s%n", config.events(), config.shoppers(), config.visits(),
                outcome.requests(), outcome.seconds()));
        s.append(String.format("%-11s %11s %7s %8s %11s %10s %10s%n", "variant", "impressions", "clicks", "CTR",
                "conversions", "conv.rate", "revenue"));
        for (JsonNode v : outcome.stats().get("variants")) {
            s.append(String.format("%-11s %11d %7d %7.2f%% %11d %9.2f%% %10.2f%n", v.get("variant").asText(),
                    v.get("impressions").asLong(), v.get("clicks").asLong(), 100 * v.get("ctr").asDouble(),
                    v.get("conversions").asLong(), 100 * v.get("conversion_rate").asDouble(), v.get("revenue").asDouble()));
        }
        for (JsonNode c : outcome.stats().get("comparisons")) {
            for (String metric : List.of("ctr", "conversion_rate")) {
                JsonNode r = c.get(metric);
                s.append(String.format("%s - %s, %s (%s, %.0f%%): %+.4f [%+.4f, %+.4f], p = %.3g, significant: %s%n",
                        c.get("variant").asText(), c.get("baseline").asText(), metric, c.get("method").asText(),
                        100 * c.get("confidence_level").asDouble(), r.get("difference").asDouble(), r.get("low").asDouble(),
                        r.get("high").asDouble(), r.get("p_value").asDouble(), r.get("significant").asBoolean() ? "yes" : "no"));
            }
        }
        return s.toString();
    }
}
