package io.recsyslite.examples.server;

import io.recsyslite.TrainRequest;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small generated shop for server tests: a DuckDB store with 2000 events over 100 users and 50
 * items (even-numbered items in stock), and trained models in staging directories that tests
 * publish into a served directory the way a trainer would (atomic save).
 */
final class TestShop {
    static final String KNOWN_USER = SampleShopGenerator.userId(0);
    static final String POPULARITY = "popularity";
    static final String CONSTANT = "test-constant";

    final Path db;
    final Path modelDir;
    private final Path staging;

    private TestShop(Path root) {
        this.db = root.resolve("recsys.db");
        this.modelDir = root.resolve("model");
        this.staging = root.resolve("staging");
    }

    /** Generates and ingests the shop, trains both models and publishes the popularity one. */
    static TestShop create(Path root) throws IOException {
        return create(root, List.of(POPULARITY, CONSTANT));
    }

    /** Generates and ingests the shop, trains these algorithms and publishes the first. */
    static TestShop create(Path root, List<String> algorithms) throws IOException {
        TestShop shop = new TestShop(root);
        Path data = root.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(2000)).writeTo(data);
        addInStockColumn(data.resolve("items.csv"));
        try (RecsysStore store = RecsysStore.open(shop.db)) {
            store.ingestEvents(data.resolve("events.parquet"));
            store.ingestItems(data.resolve("items.csv"));
            Trainer trainer = new Trainer(Algorithms.discover());
            for (String algorithm : algorithms) {
                trainer.train(store, TrainRequest.of(algorithm, shop.staging.resolve(algorithm))
                        .withContext(TrainingContext.singleThreaded(7)));
            }
        }
        shop.publish(algorithms.get(0));
        return shop;
    }

    /** Where the model of {@code algorithm} waits to be published. */
    Path stagedDir(String algorithm) {
        return staging.resolve(algorithm);
    }

    /** Saves a staged model into {@link #modelDir} atomically, as the trainer or worker does. */
    void publish(String algorithm) throws IOException {
        ModelArtifacts.Loaded staged = ModelArtifacts.load(stagedDir(algorithm), Algorithms.discover());
        ModelArtifacts.save(staged.model(), modelDir, staged.manifest().provenance());
    }

    /** in_stock is true for even item numbers (item_0, item_2, ...). */
    private static void addInStockColumn(Path itemsCsv) throws IOException {
        List<String> lines = Files.readAllLines(itemsCsv);
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",in_stock"));
        for (String line : lines.subList(1, lines.size())) {
            int item = Integer.parseInt(line.substring("item_".length(), line.indexOf(',')));
            out.add(line + "," + (item % 2 == 0));
        }
        Files.write(itemsCsv, out);
    }
}
