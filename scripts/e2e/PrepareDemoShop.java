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
        SampleShopConfig base = SampleShopConfig.ofEvents(events);
        // The heaviest users' histories run years past the start; shift the start so the last
        // event is a day old, as ingest rejects events in the future.
        long[] last = {Long.MIN_VALUE};
        new SampleShopGenerator(base).generate((user, item, ts, qty) -> last[0] = Math.max(last[0], ts));
        long start = base.startTs() + (System.currentTimeMillis() / 1000 - 86_400 - last[0]);
        new SampleShopGenerator(new SampleShopConfig(base.events(), base.users(), base.items(), base.categories(),
                base.seed(), start)).writeTo(work);
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
