package io.recsyslite.models.ease;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * EASE (Steck 2019): a closed-form item-item linear model. With {@code P = (X^T X + lambda I)^-1},
 * {@code B = I - P diag(1/diag(P))}, i.e. {@code B_ij = -P_ij / P_jj} and a zero diagonal. Memory
 * and time grow with the square and cube of the catalogue (two {@code n x n} float matrices with
 * native LAPACK, see {@link SpdInverse}), so catalogues above {@code max_items} are refused with a
 * clear error instead of running out of memory. Immutable.
 */
public final class EaseProvider implements RecommenderProvider {
    public static final String NAME = "ease";
    static final String LAMBDA = "lambda";
    static final String MAX_ITEMS = "max_items";

    private final Supplier<SpdInverse> inverse;

    /** The provider {@code ServiceLoader} finds: native LAPACK where it loads, else ojAlgo, chosen at the first fit. */
    public EaseProvider() {
        this(SpdInverse::best);
    }

    EaseProvider(Supplier<SpdInverse> inverse) {
        this.inverse = inverse;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EASE closed-form item-item linear model (catalogues up to max_items)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.floatLogRange(LAMBDA, 500, 1, 10_000),
                ParamSpec.fixedInt(MAX_ITEMS, 20_000));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        double lambda = params.getDouble(LAMBDA, 0);
        int maxItems = params.getInt(MAX_ITEMS, 1);
        int n = data.numItems();
        if (n > maxItems) {
            long gigabytes = Math.max(1, 2L * 4 * n * n / 1_000_000_000L);
            throw new InvalidParameterException("EASE needs a dense " + n + " x " + n + " item matrix (about "
                    + gigabytes + " GB while training with native LAPACK) but parameter '" + MAX_ITEMS + "' is " + maxItems
                    + "; use als, bpr or itemknn for this catalogue, or raise " + MAX_ITEMS
                    + " if the heap allows");
        }
        if (lambda <= 0) {
            throw new InvalidParameterException("parameter '" + LAMBDA + "' must be > 0, was " + lambda);
        }
        float[] matrix = gram(data.interactions().userItems());
        for (int i = 0; i < n; i++) {
            matrix[i * n + i] += (float) lambda;
        }
        context.progress().update(NAME + ": gram matrix", 1, 3);
        inverse.get().invert(matrix, n, context.threads());
        context.progress().update(NAME + ": inverse", 2, 3);
        toWeights(matrix, n);
        context.progress().update(NAME + ": weights", 3, 3);
        return new EaseModel(params, ModelData.of(data), matrix);
    }

    /** {@code P -> B} in place: {@code B_ij = -P_ij / P_jj}, zero diagonal. */
    private static void toWeights(float[] p, int n) {
        float[] diagonal = new float[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = i == j ? 0f : -p[i * n + j] / diagonal[j];
            }
        }
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        int n = data.items().size();
        return new EaseModel(params, data, in.floats("weights", n, n));
    }

    /** {@code X^T X} from the user rows: every pair of a user's items adds the product of confidences. */
    private static float[] gram(CsrMatrix userItems) {
        int n = userItems.cols();
        float[] g = new float[n * n];
        for (int u = 0; u < userItems.rows(); u++) {
            for (int p = userItems.start(u); p < userItems.end(u); p++) {
                int io = userItems.col(p) * n;
                float xi = userItems.value(p);
                for (int q = userItems.start(u); q < userItems.end(u); q++) {
                    g[io + userItems.col(q)] += xi * userItems.value(q);
                }
            }
        }
        return g;
    }
}
