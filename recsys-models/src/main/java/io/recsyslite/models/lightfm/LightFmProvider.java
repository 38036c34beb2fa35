package io.recsyslite.models.lightfm;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.util.Locale;

/**
 * LightFM-style hybrid factorisation (Kula 2015) in plain Java: items are the sum of the embeddings
 * of their id, category, brand, price bucket and extra columns, so items without interactions are
 * still recommended from their metadata (cold start). WARP (default) or BPR loss, Adagrad,
 * Hogwild threads. A fold-in fits the new or changed users' embeddings with the same loss against the
 * frozen item features. Stateless.
 */
public final class LightFmProvider implements RecommenderProvider {
    public static final String NAME = "lightfm";
    /** Epochs of the loss over a folded-in user's items, item parameters frozen. */
    static final String FOLD_IN_EPOCHS = "fold_in_epochs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "hybrid factorisation over item id + metadata features (LightFM, WARP/BPR), cold-start capable";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange("no_components", 64, 8, 256),
                ParamSpec.floatLogRange("learning_rate", 0.05, 0.005, 0.3),
                ParamSpec.floatLogRange("item_alpha", 1e-6, 1e-8, 1e-3),
                ParamSpec.floatLogRange("user_alpha", 1e-6, 1e-8, 1e-3),
                ParamSpec.intRange("epochs", 30, 5, 100),
                ParamSpec.categorical("loss", "warp", "warp", "bpr"),
                ParamSpec.intLogRange("max_sampled", 30, 5, 200),
                ParamSpec.fixedInt("price_buckets", 10),
                ParamSpec.fixedInt(FOLD_IN_EPOCHS, 30));
    }

    static LightFmTrainer.Settings settings(Params params) {
        return new LightFmTrainer.Settings(
                params.getInt("no_components", 1),
                (float) params.getDouble("learning_rate", Double.MIN_VALUE),
                (float) params.getDouble("item_alpha", 0),
                (float) params.getDouble("user_alpha", 0),
                LightFmTrainer.Loss.valueOf(params.getString("loss").toUpperCase(Locale.ROOT)),
                params.getInt("max_sampled", 1));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        LightFmTrainer.Settings settings = settings(params);
        int epochs = params.getInt("epochs", 1);
        ItemFeatures features = ItemFeatures.build(data.items(), data.metadata(),
                data.interactions().itemPopularity(), params.getInt("price_buckets", 2));
        LightFmTrainer trainer = new LightFmTrainer(settings, data.interactions().userItems(), features,
                context.seed());
        ModelData modelData = ModelData.of(data);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            trainer.epoch(epoch, context);
            context.progress().update(NAME + ": epoch", epoch, epochs);
            context.epochs().epochEnded(epoch, () -> new LightFmModel(params, modelData,
                    copyOf(trainer.parameters()), features.names()));
        }
        return new LightFmModel(params, modelData, trainer.parameters(), features.names());
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        int dim = in.meta("no_components").asInt();
        IdIndex names = in.ids("features");
        CsrMatrix itemFeatures = in.csr("item_features");
        LightFmParameters learned = new LightFmParameters(dim,
                in.floats("feature_embeddings", names.size(), dim),
                in.floats("feature_biases", names.size()),
                in.floats("user_embeddings", data.users().size(), dim),
                itemFeatures);
        return new LightFmModel(params, data, learned, names);
    }

    /** A snapshot for an epoch listener; training goes on mutating the original. */
    private static LightFmParameters copyOf(LightFmParameters p) {
        return new LightFmParameters(p.dim(), p.featureEmbeddings().clone(), p.featureBiases().clone(),
                p.userEmbeddings().clone(), p.itemFeatures());
    }
}
