package io.recsyslite.spring;

import io.recsyslite.TrainRequest;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small generated shop for the starter's tests (and, through the test jar, the example app's): a
 * DuckDB store with the sample shop's events and catalogue and a trained model.
 *
 * @param db       the store
 * @param modelDir the trained model
 */
public record SampleShop(Path db, Path modelDir) {
    /** A user of the sample shop with events (users are user_0, user_1, ...). */
    public static final String KNOWN_USER = SampleShopGenerator.userId(1);

    /** Generates {@code events} events under {@code root}, ingests them and trains {@code algorithm}. */
    public static SampleShop create(Path root, int events, String algorithm) throws IOException {
        Path data = root.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(events)).writeTo(data);
        SampleShop shop = new SampleShop(root.resolve("recsys.db"), root.resolve("model"));
        try (RecsysStore store = RecsysStore.open(shop.db)) {
            store.ingestEvents(data.resolve("events.parquet"));
            store.ingestItems(data.resolve("items.csv"));
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of(algorithm, shop.modelDir)
                    .withContext(TrainingContext.singleThreaded(7)));
        }
        return shop;
    }
}
