package io.recsyslite.models.item2vec;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.common.WorkerPool;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Item2Vec (Barkan and Koenigstein 2016): skip-gram with negative sampling over each user's
 * time-ordered item sequence (items are the words, users' histories the sentences), trained by
 * {@link Item2VecTrainer} in plain Java: DL4J's Word2Vec kept about 250 MB live on MovieLens 100k and
 * its worker threads swallowed an OutOfMemoryError, returning garbage vectors (see
 * benchmarks/results/models2-ml-100k.md). A user or session is the recency-weighted mean of its last
 * items' vectors when the order of events carries a signal ({@link OrderSignal}; {@code history=auto}),
 * otherwise the plain mean of all its items' vectors; items are ranked by cosine similarity, rarely
 * seen items shrunk (see {@link Item2VecModel}). Items that never occur in training (or fewer than
 * {@code min_count} times) get a zero vector and are never ranked above an item with a vector.
 * Scoring by the output (context) vectors, as skip-gram's own likelihood does, was measured and
 * is worse on every suite dataset (benchmarks/results/robustness.md). Stateless.
 */
public final class Item2VecProvider implements RecommenderProvider {
    public static final String NAME = "item2vec";
    static final String RARE_SHRINKAGE = "rare_shrinkage";
    static final String HISTORY = "history";
    static final String AUTO = "auto";
    static final String RECENT = "recent";
    static final String ALL = "all";
    private static final Logger LOG = LoggerFactory.getLogger(Item2VecProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "item2vec: skip-gram embeddings of users' item sequences, cosine similarity; best when the next item "
                + "follows the recent ones, near popularity when a random past item is asked for";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange("vector_size", 64, 16, 256),
                ParamSpec.intRange("window", 50, 2, 100),
                ParamSpec.intRange("negative", 5, 1, 20),
                ParamSpec.intRange("epochs", 20, 1, 50),
                ParamSpec.intRange("min_count", 1, 1, 10),
                ParamSpec.floatLogRange("subsampling", 0.1, 1e-5, 1.0),
                ParamSpec.floatLogRange("learning_rate", 0.025, 0.001, 0.2),
                ParamSpec.floatRange("recency_decay", 0.8, 0.5, 1.0),
                ParamSpec.intRange("recent_items", 10, 1, 200),
                ParamSpec.floatRange(RARE_SHRINKAGE, 5, 0, 50),
                ParamSpec.categorical(HISTORY, AUTO, AUTO, RECENT, ALL));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        int dim = params.getInt("vector_size", 1);
        String history = params.getString(HISTORY);
        if (history.equals(AUTO)) {
            double ratio = OrderSignal.ratio(data.sequences(), data.interactions().itemUsers(), context.seed());
            history = OrderSignal.carriesSignal(ratio) ? RECENT : ALL;
            LOG.info("item2vec: adjacent items share {} times the users random pairs share; the query uses {} items",
                    String.format(Locale.ROOT, "%.2f", ratio), history.equals(RECENT) ? "the recent" : "all the user's");
        }
        Item2VecModel.Query query = query(params, history);
        Item2VecTrainer.Settings settings = new Item2VecTrainer.Settings(dim, params.getInt("window", 1),
                params.getInt("negative", 1), params.getInt("min_count", 1), params.getDouble("subsampling", 0),
                (float) params.getDouble("learning_rate", Double.MIN_VALUE));
        Sequences sequences = data.sequences();
        Item2VecTrainer trainer = new Item2VecTrainer(settings, sequences, data.numItems(), context.seed());
        ModelData modelData = ModelData.of(data);
        int epochs = params.getInt("epochs", 1);
        try (WorkerPool pool = new WorkerPool(context.threads(), NAME)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                trainer.epoch(epoch, epochs, context.seed(), pool);
                context.progress().update(NAME + ": epoch", epoch, epochs);
                context.epochs().epochEnded(epoch, () -> model(params, modelData, sequences,
                        trainer.itemVectors().clone(), query));
            }
        }
        return model(params, modelData, sequences, trainer.itemVectors(), query);
    }

    /** The model whose users are the recency-weighted means of their latest training items. */
    private static Item2VecModel model(Params params, ModelData data, Sequences sequences, float[] itemVectors,
                                       Item2VecModel.Query query) {
        int dim = params.getInt("vector_size", 1);
        float[] userVectors = new float[sequences.numUsers() * dim];
        for (int u = 0; u < sequences.numUsers(); u++) {
            System.arraycopy(query.of(itemVectors, dim, sequences.items(u)), 0, userVectors, u * dim, dim);
        }
        return new Item2VecModel(params, data, dim, itemVectors, userVectors, query);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        int dim = in.meta("vector_size").asInt();
        // Models saved before the history choice (and the Spark job's) used the recent items.
        return new Item2VecModel(params, data, dim, in.floats("item_vectors", data.items().size(), dim),
                in.floats("user_vectors", data.users().size(), dim),
                query(params, in.manifest().model().has(HISTORY) ? in.meta(HISTORY).asText() : RECENT));
    }

    /** The recency-weighted last items, or for {@code history=all} every item alike. */
    private static Item2VecModel.Query query(Params params, String history) {
        Item2VecModel.Query recent = new Item2VecModel.Query(params.getInt("recent_items", 1),
                params.getDouble("recency_decay", 0));
        return history.equals(ALL) ? Item2VecModel.Query.ALL : recent;
    }
}
