import io.recsyslite.core.sample.SampleShopConfig;
import io.recsyslite.core.sample.SampleShopGenerator;
import io.recsyslite.core.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.core.store.RecsysStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prepares a demo shop for scripts/e2e-server.sh (run with the java source launcher on the
 * recsys-examples class path): generates a small sample shop, ingests it into a new DuckDB file
 * and trains ALS (popularity when ALS is not on the class path) into the model directory.
 * Prints a user id that exists. Usage: PrepareDemoShop <work-dir> <db> <model-dir> [events]
 */
public class PrepareDemoShop {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path db = Path.of(args[1]);
        Path modelDir = Path.of(args[2]);
        long events = args.length > 3 ? Long.parseLong(args[3]) : 20_000;
        SampleShopConfig shop = SampleShopConfig.ofEvents(events);
        // Heavy users' histories can run past the generator's one year; start early enough that
        // no event lies in the future, which ingest rejects.
        long start = System.currentTimeMillis() / 1000 - 3L * 365 * 24 * 3600;
        new SampleShopGenerator(new SampleShopConfig(shop.events(), shop.users(), shop.items(), shop.categories(),
                shop.seed(), start)).writeTo(work);
        Algorithms algorithms = Algorithms.discover();
        String algorithm = algorithms.names().contains("als") ? "als" : "popularity";
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestEvents(work.resolve("events.parquet"));
            store.ingestItems(work.resolve("items.csv"));
            new Trainer(algorithms).train(store, algorithm, Map.of(), 0, Trainer.DEFAULT_WEIGHTING, modelDir,
                    TrainingContext.defaults());
        }
        System.err.println("Trained " + algorithm + " on " + events + " sample events into " + modelDir);
        System.out.println(SampleShopGenerator.userId(0));
    }
}
