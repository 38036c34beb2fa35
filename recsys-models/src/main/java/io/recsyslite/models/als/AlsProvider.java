package io.recsyslite.models.als;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.Interactions;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.common.FactorModel;
import io.recsyslite.models.common.WorkerPool;
import java.io.IOException;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback alternating least squares (Hu, Koren &amp; Volinsky 2008): confidence
 * {@code 1 + alpha * value} on observed pairs, preference 1 there and 0 elsewhere. Each
 * half-iteration solves all users (then all items) in parallel on the trainer's own pool, by a
 * few warm-started conjugate-gradient steps (default) or an exact Cholesky solve
 * ({@code solver=cholesky}). Stateless.
 */
public final class AlsProvider implements RecommenderProvider {
    public static final String NAME = "als";
    static final String FACTORS = "factors";
    static final String REGULARIZATION = "regularization";
    static final String ALPHA = "alpha";
    static final String ITERATIONS = "iterations";
    static final String CG_STEPS = "cg_steps";
    static final String SOLVER = "solver";
    private static final Logger LOG = LoggerFactory.getLogger(AlsProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "implicit-feedback matrix factorisation by alternating least squares (conjugate gradient)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange(FACTORS, 64, 8, 256),
                ParamSpec.floatLogRange(REGULARIZATION, 0.1, 1e-3, 100),
                ParamSpec.floatLogRange(ALPHA, 5, 0.1, 100),
                ParamSpec.intRange(ITERATIONS, 10, 3, 30),
                ParamSpec.fixedInt(CG_STEPS, 3),
                ParamSpec.fixedCategorical(SOLVER, "cg", "cg", "cholesky"));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        int f = params.getInt(FACTORS, 1);
        double reg = params.getDouble(REGULARIZATION, 0);
        double alpha = params.getDouble(ALPHA, 0);
        int iterations = params.getInt(ITERATIONS, 1);
        int cgSteps = params.getInt(CG_STEPS, 1);
        boolean exact = params.getString(SOLVER).equals("cholesky");
        Interactions interactions = data.interactions();
        int numUsers = data.numUsers();
        int numItems = data.numItems();
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] users = randomFactors(numUsers, f, random);
        float[] items = randomFactors(numItems, f, random);
        ModelData modelData = ModelData.of(data);
        try (WorkerPool pool = new WorkerPool(context.threads(), NAME)) {
            for (int iter = 1; iter <= iterations; iter++) {
                long start = System.nanoTime();
                new AlsSolver(items, f, reg, alpha, pool)
                        .solveAll(interactions.userItems(), users, exact, cgSteps, pool);
                new AlsSolver(users, f, reg, alpha, pool)
                        .solveAll(interactions.itemUsers(), items, exact, cgSteps, pool);
                LOG.debug("als iteration {}/{} took {} ms", iter, iterations, (System.nanoTime() - start) / 1_000_000);
                context.progress().update(NAME + ": iteration", iter, iterations);
                context.epochs().epochEnded(iter,
                        () -> new AlsModel(params, modelData, f, users.clone(), items.clone()));
            }
        }
        return new AlsModel(params, modelData, f, users, items);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        FactorModel.Factors factors = FactorModel.Factors.read(in, data);
        return new AlsModel(params, data, factors.dim(), factors.users(), factors.items());
    }

    /** Small positive random values, as {@code implicit} initialises its factors. */
    private static float[] randomFactors(int rows, int f, SplittableRandom random) {
        float[] x = new float[rows * f];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (random.nextDouble() * 0.01);
        }
        return x;
    }
}
