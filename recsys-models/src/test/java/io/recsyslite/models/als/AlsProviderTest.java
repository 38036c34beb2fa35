package io.recsyslite.models.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.ModelContractTest;
import io.recsyslite.models.common.FloatKernels;
import io.recsyslite.models.common.JavaFloatKernels;
import io.recsyslite.models.common.WorkerPool;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

class AlsProviderTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "als";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("factors", 8, "iterations", 8, "regularization", 1.0, "alpha", 5);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("factors", 0);
    }

    /** Hu, Koren & Volinsky (2008, section 5): the score is the sum of the history items' terms s_ij c_uj. */
    @Test
    void explanationTermsSumToTheScore() {
        int[] history = {1, 2, 5, 7, 30};
        float[] values = {1f, 3f, 1f, 2f, 1f};
        CsrMatrix row = new CsrMatrix(1, data.numItems(), new int[] {0, history.length}, history, values);
        AlsModel folded = (AlsModel) ((AlsModel) model).foldIn(List.of("probe"), row);
        int user = folded.users().indexOf("probe");
        for (int item : new int[] {0, 3, 11, 20, 30}) {
            float[] terms = new float[history.length];
            folded.contributions(history, values, item, terms);
            double sum = 0;
            for (float t : terms) {
                sum += t;
            }
            float score = folded.recommend(user, new RecommendRequest(1, false, ItemFilter.of(i -> i == item))).score(0);
            assertThat(sum).as("item %d", item).isCloseTo(score, within(1e-4 + 1e-3 * Math.abs(score)));
        }
    }

    @Test
    void conjugateGradientConvergesToTheExactSolution() {
        int f = 6;
        SplittableRandom random = new SplittableRandom(3);
        float[] y = new float[20 * f];
        for (int k = 0; k < y.length; k++) {
            y[k] = (float) random.nextGaussian();
        }
        CsrMatrix row = new CsrMatrix(1, 20, new int[] {0, 3}, new int[] {2, 7, 11}, new float[] {1f, 2f, 1f});
        try (WorkerPool pool = new WorkerPool(1, "test")) {
            AlsSolver solver = new AlsSolver(y, f, 0.1, 3.0, pool, FloatKernels.best());
            float[] exact = new float[f];
            solver.exact(row, 0, exact, 0, solver.workspace());
            float[] cg = new float[f];
            solver.conjugateGradient(row, 0, cg, 0, 3 * f, solver.workspace());
            for (int k = 0; k < f; k++) {
                assertThat(cg[k]).isCloseTo(exact[k], within(1e-3f));
            }
        }
    }

    @Test
    void choleskyAndConjugateGradientModelsAgree() {
        Recommender cholesky = fit(data, Map.of("factors", 8, "iterations", 8, "regularization", 1.0, "alpha", 5,
                "solver", "cholesky"), TrainingContext.singleThreaded(42));
        int agree = 0;
        int total = 0;
        for (int u = 0; u < data.numUsers(); u += 3) {
            int[] a = model.recommend(u, RecommendRequest.top(3)).items();
            int[] b = cholesky.recommend(u, RecommendRequest.top(3)).items();
            for (int i : a) {
                total++;
                for (int j : b) {
                    if (i == j) {
                        agree++;
                    }
                }
            }
        }
        assertThat((double) agree / total).isGreaterThan(0.8);
    }

    @Test
    @DisabledIfSystemProperty(named = "recsyslite.test.nativeHidden", matches = "true",
            disabledReason = "the Vector API is hidden in this run")
    void plainJavaKernelsTrainTheSameModelAsTheVectorApi() {
        assertThat(FloatKernels.best()).isNotInstanceOf(JavaFloatKernels.class);
        AlsProvider plain = new AlsProvider(JavaFloatKernels::new);
        Recommender javaModel = plain.fit(data, plain.paramSpace().resolve(params()), TrainingContext.singleThreaded(42));
        assertCloseResults(javaModel, model, 1e-3);
    }
}
