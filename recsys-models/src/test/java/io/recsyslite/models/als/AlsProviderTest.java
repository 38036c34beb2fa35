package io.recsyslite.models.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.ModelContractTest;
import io.recsyslite.models.common.FloatKernels;
import io.recsyslite.models.common.JavaFloatKernels;
import io.recsyslite.models.common.WorkerPool;
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
