package io.recsyslite.internal.serving;

import io.recsyslite.RecSysConfig;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexProvider;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.index.TunableIndex;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.internal.store.CatalogItem;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a model directory into a {@link LiveModel}: verifies and loads the model, joins the
 * catalogue from the store, ranks the popular fallback, and builds the configured item index
 * for embedding models, calibrating an approximate one to the target recall on the model's own
 * user vectors and saving it beside the model ({@link SavedIndex}), so the next load reads it. Stateless apart from its configuration.
 */
final class ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    /** Users whose vectors calibrate an approximate index, and the k of its recall@k. */
    static final int CALIBRATION_QUERIES = 500;
    static final int CALIBRATION_K = 10;

    private final RecSysConfig config;
    private final Algorithms algorithms;
    private final ItemIndexes indexes;

    ModelLoader(RecSysConfig config, Algorithms algorithms, ItemIndexes indexes) {
        this.config = config;
        this.algorithms = algorithms;
        this.indexes = indexes;
    }

    LiveModel load(Path dir, long generation, RecsysStore store) throws IOException {
        Gdpr.applyPendingErasures(store);
        Gdpr.scrubDeletedUsers(store, dir);
        ModelArtifacts.Loaded loaded = ModelArtifacts.load(dir, algorithms);
        IdIndex items = loaded.model().items();
        ItemMetadata metadata = metadata(items, store.items(items.ids()));
        ScoredItems popular = popular(items, store.popularItems(Math.max(1000, config.maxRecommendations() * 10)));
        SavedIndex.Built built = null;
        if (!ItemIndexes.EXACT.equals(config.indexType()) && loaded.model() instanceof EmbeddingModel em) {
            built = index(dir, loaded.manifest(), em);
            LOG.info("Serving {} through a {} index over {} items{}", loaded.manifest().algorithm(), built.index().type(),
                    built.index().size(), built.calibration() == null ? "" : ": " + built.calibration());
        }
        return new LiveModel(generation, dir, loaded.model(), loaded.manifest(), metadata,
                built == null ? null : built.index(), built == null ? null : built.calibration(), popular);
    }

    /** The index saved beside the model when it was built for this model and settings, else a new one, saved. */
    private SavedIndex.Built index(Path dir, ModelManifest manifest, EmbeddingModel em) throws IOException {
        String type = config.indexType();
        ItemIndexProvider provider = indexes.get(type);
        String key = SavedIndex.key(manifest, type, config.indexOptions());
        Optional<SavedIndex.Built> saved = SavedIndex.load(dir, type, key, provider, config.indexOptions());
        if (saved.isPresent()) {
            LOG.info("Loaded the {} index saved beside the model ({})", type, SavedIndex.indexFile(dir, type).getFileName());
            return saved.get();
        }
        ItemIndex index = provider.build(em.itemVectors(), em.dim(), em.metric(), config.indexOptions());
        IndexCalibration calibration = index instanceof TunableIndex tunable
                ? tunable.calibrate(sampleQueries(em), CALIBRATION_K, targetRecall()) : null;
        SavedIndex.Built built = new SavedIndex.Built(index, calibration);
        try {
            SavedIndex.save(dir, type, key, built);
        } catch (IOException e) {
            LOG.warn("Could not save the {} index beside the model in {} (it is rebuilt on the next load): {}", type, dir,
                    e.getMessage());
        }
        return built;
    }

    /** The vectors of up to {@value #CALIBRATION_QUERIES} users, evenly spaced over the user ints. */
    private static float[] sampleQueries(EmbeddingModel em) {
        int users = em.users().size();
        int n = Math.min(users, CALIBRATION_QUERIES);
        float[] queries = new float[n * em.dim()];
        for (int q = 0; q < n; q++) {
            System.arraycopy(em.userVector((int) ((long) q * users / n)), 0, queries, q * em.dim(), em.dim());
        }
        return queries;
    }

    private double targetRecall() {
        String raw = config.indexOptions().get(IndexCalibration.TARGET_RECALL_SETTING,
                Double.toString(IndexCalibration.DEFAULT_TARGET_RECALL));
        try {
            double target = Double.parseDouble(raw.trim());
            if (target > 0 && target <= 1) {
                return target;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException("Index setting " + IndexCalibration.TARGET_RECALL_SETTING
                + " must be a number in (0, 1], was '" + raw + "'");
    }

    /** Catalogue data aligned with the model's item ints; items missing from the catalogue stay empty. */
    static ItemMetadata metadata(IdIndex items, Map<String, CatalogItem> catalogue) {
        int n = items.size();
        String[] titles = new String[n];
        String[] categories = new String[n];
        String[] brands = new String[n];
        float[] prices = new float[n];
        String[] urls = new String[n];
        String[] inStock = new String[n];
        for (int i = 0; i < n; i++) {
            CatalogItem c = catalogue.get(items.idOf(i));
            prices[i] = c == null ? Float.NaN : (float) c.price();
            if (c != null) {
                titles[i] = c.title();
                categories[i] = c.category();
                brands[i] = c.brand();
                urls[i] = c.imageUrl();
                inStock[i] = c.extra().get(BusinessFilter.IN_STOCK_COLUMN);
            }
        }
        Map<String, String[]> extra = new HashMap<>();
        extra.put(BusinessFilter.IN_STOCK_COLUMN, inStock);
        return new ItemMetadata(titles, categories, brands, prices, urls, extra);
    }

    private static ScoredItems popular(IdIndex items, List<String> popularIds) {
        int[] ints = popularIds.stream().mapToInt(items::indexOf).filter(i -> i >= 0).toArray();
        float[] scores = new float[ints.length];
        for (int r = 0; r < ints.length; r++) {
            scores[r] = 1f / (r + 1);
        }
        return new ScoredItems(ints, scores);
    }
}
