package io.recsyslite.benchmarks.faiss;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FaissBenchmark} on trained embeddings instead of random vectors: ALS with
 * {@value FaissBenchmark#DIM} factors on an in-memory sample shop ({@value #EVENTS_PER_ITEM} events per
 * item, 100,000 items unless given), item vectors as the index and the vectors of {@value #QUERIES} users
 * (evenly spaced over the user ids) as queries, inner product, as the REST server serves ALS through an
 * index. Writes the item vectors to {@code items.fvecs} beside the benchmark's query and ground-truth files.
 *
 * <p>Usage: {@code AlsEmbeddingBenchmark <outDir> [exact,faiss-ivf-flat,faiss-hnsw] [items]}
 */
public final class AlsEmbeddingBenchmark {
    private static final Logger log = LoggerFactory.getLogger(AlsEmbeddingBenchmark.class);
    private static final int DEFAULT_ITEMS = 100_000;
    private static final int EVENTS_PER_ITEM = 15;
    private static final int QUERIES = 1000;

    private AlsEmbeddingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: AlsEmbeddingBenchmark <outDir> [index,index,...]");
        }
        List<String> types = args.length > 1 ? List.of(args[1].split(","))
                : List.of(ItemIndexes.EXACT, "faiss-ivf-flat", "faiss-hnsw");
        EmbeddingModel model = trainAls(args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ITEMS);
        float[] queries = new float[QUERIES * model.dim()];
        int users = model.users().size();
        for (int q = 0; q < QUERIES; q++) {
            System.arraycopy(model.userVector((int) ((long) q * users / QUERIES)), 0, queries, q * model.dim(), model.dim());
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        // the trained item vectors too, so that calibration and Python's auto-tuning can reuse them
        VecsFiles.writeFvecs(out.resolve("items.fvecs"), model.itemVectors(), model.dim());
        new FaissBenchmark(model.items().size(), out, model.metric()).measure(model.itemVectors(), queries, types);
    }

    private static EmbeddingModel trainAls(int items) {
        long events = (long) EVENTS_PER_ITEM * items;
        SampleShopConfig config = SampleShopConfig.ofEvents(events).withItems(items).withSeed(42);
        long start = System.nanoTime();
        TrainingData data = new SampleShopGenerator(config).trainingData(ConfidenceWeighting.binary());
        log.info("Generated {} users x {} items, {} events in {} s", data.numUsers(), data.numItems(), events,
                seconds(start));
        RecommenderProvider als = Algorithms.discover().get("als");
        start = System.nanoTime();
        EmbeddingModel model = (EmbeddingModel) als.fit(data,
                als.paramSpace().resolve(Map.of("factors", FaissBenchmark.DIM, "iterations", 8)),
                new TrainingContext(2, 42, null, null));
        log.info("Trained ALS ({} factors, 8 iterations, 2 threads) in {} s", model.dim(), seconds(start));
        return model;
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
