package io.recsyslite.core.serving;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.store.CatalogItem;
import io.recsyslite.core.store.RecsysStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a model directory into a {@link LiveModel}: verifies and loads the model, joins the
 * catalogue from the store, ranks the popular fallback, and builds the configured item index
 * for embedding models. Stateless apart from its configuration.
 */
final class ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    private final RecSysConfig config;
    private final Algorithms algorithms;
    private final ItemIndexes indexes;

    ModelLoader(RecSysConfig config, Algorithms algorithms, ItemIndexes indexes) {
        this.config = config;
        this.algorithms = algorithms;
        this.indexes = indexes;
    }

    LiveModel load(Path dir, long generation, RecsysStore store) throws IOException {
        Gdpr.scrubDeletedUsers(store, dir);
        ModelArtifacts.Loaded loaded = ModelArtifacts.load(dir, algorithms);
        IdIndex items = loaded.model().items();
        ItemMetadata metadata = metadata(items, store.items(items.ids()));
        ScoredItems popular = popular(items, store.popularItems(Math.max(1000, config.maxRecommendations() * 10)));
        ItemIndex index = null;
        if (!ItemIndexes.EXACT.equals(config.indexType()) && loaded.model() instanceof EmbeddingModel em) {
            index = indexes.get(config.indexType()).build(em.itemVectors(), em.dim(), em.metric(), config.indexOptions());
            LOG.info("Serving {} through a {} index over {} items", loaded.manifest().algorithm(), index.type(), index.size());
        }
        return new LiveModel(generation, dir, loaded.model(), loaded.manifest(), metadata, index, popular);
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
