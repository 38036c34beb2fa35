package io.recsyslite.models.bpr;

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
import io.recsyslite.models.common.FactorModel;
import io.recsyslite.models.common.WorkerPool;
import java.io.IOException;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bayesian Personalized Ranking (Rendle et al. 2009) by lock-free parallel SGD. Each epoch draws
 * as many (user, positive, negative) triples as there are interactions: the positive uniformly
 * among interactions, the negative uniformly among the items the user has not interacted with.
 *
 * <p>Threads update the shared factor arrays without locks (Hogwild, Recht et al. 2011). The races
 * are benign: a float write is atomic in Java, so a reader sees an old or a new value, never a torn
 * one; two threads touching the same item at once may lose one small update, which SGD tolerates
 * because collisions are rare on sparse data. Waiting for the epoch's workers publishes all writes
 * before the next epoch or a snapshot. With one thread the run is deterministic for a seed.
 * Stateless.
 */
public final class BprProvider implements RecommenderProvider {
    public static final String NAME = "bpr";
    static final String FACTORS = "factors";
    static final String LEARNING_RATE = "learning_rate";
    static final String REGULARIZATION = "regularization";
    static final String EPOCHS = "epochs";
    static final String FOLD_IN_EPOCHS = "fold_in_epochs";
    private static final Logger LOG = LoggerFactory.getLogger(BprProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Bayesian Personalized Ranking matrix factorisation (parallel SGD)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange(FACTORS, 64, 8, 256),
                ParamSpec.floatLogRange(LEARNING_RATE, 0.05, 1e-3, 0.3),
                ParamSpec.floatLogRange(REGULARIZATION, 0.01, 1e-5, 0.3),
                ParamSpec.intLogRange(EPOCHS, 200, 10, 500),
                ParamSpec.fixedInt(FOLD_IN_EPOCHS, 30));
    }

    static BprSgd sgd(Params params) {
        double learningRate = params.getDouble(LEARNING_RATE);
        if (!(learningRate > 0)) {
            throw new InvalidParameterException("parameter '" + LEARNING_RATE + "' must be > 0, was " + learningRate);
        }
        return new BprSgd(params.getInt(FACTORS, 1), learningRate, params.getDouble(REGULARIZATION, 0));
    }

    static int foldInEpochs(Params params) {
        return params.getInt(FOLD_IN_EPOCHS, 0);
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        BprSgd sgd = sgd(params);
        int epochs = params.getInt(EPOCHS, 1);
        int foldInEpochs = foldInEpochs(params);
        int dim = sgd.dim();
        CsrMatrix userItems = data.interactions().userItems();
        int nnz = userItems.nnz();
        int[] userOf = new int[nnz];
        for (int u = 0; u < userItems.rows(); u++) {
            for (int p = userItems.start(u); p < userItems.end(u); p++) {
                userOf[p] = u;
            }
        }
        SplittableRandom seeds = new SplittableRandom(context.seed());
        float[] users = initialFactors(data.numUsers(), dim, 1f, seeds);
        float[] items = initialFactors(data.numItems(), dim, 0f, seeds);
        ModelData modelData = ModelData.of(data);
        double accuracy = 0;
        try (WorkerPool pool = new WorkerPool(context.threads(), NAME)) {
            int workers = pool.threads();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                SplittableRandom[] randoms = new SplittableRandom[workers];
                for (int w = 0; w < workers; w++) {
                    randoms[w] = seeds.split();
                }
                long[] correct = new long[workers];
                long[] sampled = new long[workers];
                pool.onEachWorker(w -> {
                    SplittableRandom random = randoms[w];
                    long n = (long) nnz * (w + 1) / workers - (long) nnz * w / workers;
                    long ok = 0;
                    long done = 0;
                    for (long s = 0; s < n; s++) {
                        int p = random.nextInt(nnz);
                        int u = userOf[p];
                        int j = BprSgd.sampleNegative(userItems, u, random);
                        if (j >= 0) {
                            done++;
                            if (sgd.step(users, u * dim, items, userItems.col(p), j, true)) {
                                ok++;
                            }
                        }
                    }
                    correct[w] = ok;
                    sampled[w] = done;
                });
                long ok = 0;
                long done = 0;
                for (int w = 0; w < workers; w++) {
                    ok += correct[w];
                    done += sampled[w];
                }
                accuracy = done == 0 ? 0 : (double) ok / done;
                LOG.debug("bpr epoch {}/{}: training ranking accuracy {}", epoch, epochs, accuracy);
                context.progress().update(NAME + ": epoch", epoch, epochs);
                context.epochs().epochEnded(epoch,
                        () -> new BprModel(params, modelData, foldInEpochs, users.clone(), items.clone()));
            }
        }
        LOG.info("bpr trained {} epochs; training ranking accuracy of the last epoch {}", epochs, accuracy);
        return new BprModel(params, modelData, foldInEpochs, users, items);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        FactorModel.Factors factors = FactorModel.Factors.read(in, data);
        return new BprModel(params, data, foldInEpochs(params), factors.users(), factors.items());
    }

    /** Small random factors as in {@code implicit}; the last column is {@code last} (user 1, item bias 0). */
    private static float[] initialFactors(int rows, int dim, float last, SplittableRandom random) {
        float[] x = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < dim - 1; k++) {
                x[r * dim + k] = (float) ((random.nextDouble() - 0.5) / (dim - 1));
            }
            x[r * dim + dim - 1] = last;
        }
        return x;
    }
}
