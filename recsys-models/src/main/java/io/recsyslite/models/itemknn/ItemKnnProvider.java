package io.recsyslite.models.itemknn;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.common.WorkerPool;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item-based k-nearest neighbours: cosine similarity between item columns of the (optionally
 * TF-IDF or BM25 weighted) interaction matrix, {@code sim(i,j) = w_i.w_j / (|w_i||w_j| + shrinkage)},
 * keeping the top {@code neighbours} per item. Similarities are computed per item from sparse
 * co-occurrences (item -> its users -> their items), in parallel, never as a dense item x item
 * matrix; the result does not depend on the thread count. Stateless.
 */
public final class ItemKnnProvider implements RecommenderProvider {
    public static final String NAME = "itemknn";
    static final String NEIGHBOURS = "neighbours";
    static final String SHRINKAGE = "shrinkage";
    static final String WEIGHTING = "weighting";
    static final String BM25_K1 = "bm25_k1";
    static final String BM25_B = "bm25_b";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "item-based k-nearest neighbours (cosine, optional TF-IDF/BM25 weighting)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange(NEIGHBOURS, 50, 5, 1000),
                ParamSpec.floatRange(SHRINKAGE, 0, 0, 100),
                ParamSpec.categorical(WEIGHTING, "none", "none", "tfidf", "bm25"),
                ParamSpec.fixedFloat(BM25_K1, 100),
                ParamSpec.fixedFloat(BM25_B, 0.8));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        int k = params.getInt(NEIGHBOURS, 1);
        float shrinkage = (float) params.getDouble(SHRINKAGE, 0);
        double k1 = params.getDouble(BM25_K1, 0);
        double b = params.getDouble(BM25_B, 0);
        if (!(b <= 1)) {
            throw new InvalidParameterException(
                    "parameter '" + BM25_B + "' must be between 0 and 1, was " + b);
        }
        CsrMatrix itemUsers = Weighting.parse(params.getString(WEIGHTING))
                .apply(data.interactions().itemUsers(), k1, b);
        CsrMatrix userItems = itemUsers.transpose();
        int n = itemUsers.rows();
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = itemUsers.start(i); p < itemUsers.end(i); p++) {
                s += (double) itemUsers.value(p) * itemUsers.value(p);
            }
            norms[i] = (float) Math.sqrt(s);
        }
        ScoredItems[] rows = new ScoredItems[n];
        AtomicInteger done = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(context.threads(), NAME)) {
            pool.forChunks(n, 64, (from, to) -> {
                float[] dots = new float[n];
                boolean[] isTouched = new boolean[n];
                int[] touched = new int[n];
                for (int i = from; i < to; i++) {
                    rows[i] = neighboursOf(i, itemUsers, userItems, norms, shrinkage, k, dots, isTouched, touched);
                }
                context.progress().update(NAME + ": similarities", done.addAndGet(to - from), n);
            });
        }
        return new ItemKnnModel(params, ModelData.of(data), toCsr(rows, n));
    }

    /** Cosine similarities of item i to every co-occurring item; the top k, by increasing item int. */
    private static ScoredItems neighboursOf(int i, CsrMatrix itemUsers, CsrMatrix userItems, float[] norms,
                                            float shrinkage, int k, float[] dots, boolean[] isTouched,
                                            int[] touched) {
        int count = 0;
        for (int p = itemUsers.start(i); p < itemUsers.end(i); p++) {
            int u = itemUsers.col(p);
            float wi = itemUsers.value(p);
            for (int q = userItems.start(u); q < userItems.end(u); q++) {
                int j = userItems.col(q);
                if (!isTouched[j]) {
                    isTouched[j] = true;
                    touched[count++] = j;
                }
                dots[j] += wi * userItems.value(q);
            }
        }
        TopK top = new TopK(k);
        for (int t = 0; t < count; t++) {
            int j = touched[t];
            float denominator = norms[i] * norms[j] + shrinkage;
            if (j != i && denominator > 0f && dots[j] != 0f) {
                top.offer(j, dots[j] / denominator);
            }
            dots[j] = 0f;
            isTouched[j] = false;
        }
        ScoredItems best = top.drain();
        int[] order = best.items();
        Arrays.sort(order);
        float[] sims = new float[order.length];
        for (int r = 0; r < best.size(); r++) {
            sims[Arrays.binarySearch(order, best.item(r))] = best.score(r);
        }
        return new ScoredItems(order, sims);
    }

    private static CsrMatrix toCsr(ScoredItems[] rows, int n) {
        int[] indptr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            indptr[i + 1] = indptr[i] + rows[i].size();
        }
        int[] indices = new int[indptr[n]];
        float[] values = new float[indptr[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i].items(), 0, indices, indptr[i], rows[i].size());
            System.arraycopy(rows[i].scores(), 0, values, indptr[i], rows[i].size());
        }
        return new CsrMatrix(n, n, indptr, indices, values);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        return new ItemKnnModel(params, data, in.csr("neighbours"));
    }
}
