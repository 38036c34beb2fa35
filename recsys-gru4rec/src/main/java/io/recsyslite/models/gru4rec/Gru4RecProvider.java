package io.recsyslite.models.gru4rec;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.common.PopularitySampler;
import io.recsyslite.models.common.Shuffle;
import java.io.IOException;
import java.util.SplittableRandom;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GRU4Rec (Hidasi et al. 2016, Hidasi and Karatzoglou 2018) trained with SameDiff: item embedding
 * input, one GRU layer, dropout on its output, session-parallel mini-batches with the hidden state
 * carried between steps (not back-propagated across them), and a loss over the mini-batch's targets
 * plus {@code n_sample} shared negatives sampled by {@code popularity^sample_alpha}:
 * {@code cross_entropy} (softmax over that set) or {@code bpr_max} (with its score regularisation
 * {@code bpreg}). Sessions are users' events split at pauses longer than {@code session_gap_minutes};
 * {@code max_session_length} is how many of the latest items feed the GRU when recommending.
 *
 * <p>Threads: nd4j's native ops use a process-wide OpenMP pool sized by the {@code OMP_NUM_THREADS}
 * environment variable when nd4j loads; {@code TrainingContext.threads()} cannot change it (nd4j's
 * {@code Environment.setMaxThreads} did not change the step time in a measurement). The graph's
 * matrices are small, so on a busy machine {@code OMP_NUM_THREADS=1} is several times faster than
 * spinning OpenMP threads. Stateless.
 */
public final class Gru4RecProvider implements RecommenderProvider {
    public static final String NAME = "gru4rec";
    private static final Logger LOG = LoggerFactory.getLogger(Gru4RecProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GRU4Rec session-based next-item model: one GRU layer, sampled BPR-max/cross-entropy (SameDiff)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange("hidden_size", 100, 32, 512),
                ParamSpec.intLogRange("embedding_size", 64, 16, 256),
                ParamSpec.floatLogRange("learning_rate", 0.05, 1e-3, 0.3),
                ParamSpec.categorical("optimizer", "adagrad", "adagrad", "adam"),
                ParamSpec.intRange("epochs", 5, 1, 50),
                ParamSpec.intLogRange("batch_size", 64, 16, 256),
                ParamSpec.floatRange("dropout", 0.0, 0.0, 0.6),
                ParamSpec.categorical("loss", "bpr_max", "bpr_max", "cross_entropy"),
                ParamSpec.intLogRange("n_sample", 2048, 64, 4096),
                ParamSpec.floatRange("sample_alpha", 0.75, 0.0, 1.0),
                ParamSpec.floatLogRange("bpreg", 1.0, 0.01, 4.0),
                ParamSpec.fixedInt("session_gap_minutes", 30),
                ParamSpec.intRange("max_session_length", 50, 3, 200));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        Settings settings = Settings.of(params);
        Sessions sessions = Sessions.split(data.sequences(), settings.gapSeconds);
        int[] trainable = SessionParallelBatches.trainable(sessions);
        int rows = Math.min(settings.batchSize, trainable.length);
        ModelData modelData = ModelData.of(data);
        int[][] latest = Sessions.latest(data.sequences(), settings.gapSeconds, settings.maxLength);
        Gru4RecWeights initial = Gru4RecWeights.initial(data.numItems(), settings.embeddingSize,
                settings.hiddenSize, context.seed());
        if (rows == 0) {
            LOG.warn("{}: no session has two events; the model is untrained", NAME);
            return new Gru4RecModel(params, modelData, initial, latest);
        }
        Gru4RecGraph graph = new Gru4RecGraph(initial, rows, settings.samples, settings.loss, settings.bpreg,
                settings.optimizer, settings.updater());
        PopularitySampler sampler = new PopularitySampler(itemCounts(data), settings.sampleAlpha);
        SplittableRandom random = new SplittableRandom(context.seed());
        int[] outputItems = new int[rows + settings.samples];
        float[] dropMask = new float[rows * settings.hiddenSize];
        for (int epoch = 1; epoch <= settings.epochs; epoch++) {
            SessionParallelBatches batches = new SessionParallelBatches(sessions, shuffled(trainable, random), rows);
            double lossSum = 0;
            long steps = 0;
            while (batches.next()) {
                System.arraycopy(batches.targets(), 0, outputItems, 0, rows);
                for (int k = rows; k < outputItems.length; k++) {
                    outputItems[k] = sampler.next(random);
                }
                fillDropMask(dropMask, settings.dropout, random);
                lossSum += graph.step(batches.inputs(), outputItems, batches.resets(), dropMask, epoch - 1);
                steps++;
            }
            LOG.debug("{}: epoch {} mean loss {}", NAME, epoch, lossSum / Math.max(1, steps));
            context.progress().update(NAME + ": epoch", epoch, settings.epochs);
            context.epochs().epochEnded(epoch, () -> new Gru4RecModel(params, modelData, graph.weights(), latest));
        }
        return new Gru4RecModel(params, modelData, graph.weights(), latest);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        int[] indptr = in.ints("user_sessions_indptr", data.users().size() + 1);
        int[] items = in.ints("user_sessions_items");
        Gru4RecWeights weights = Gru4RecWeights.read(in, data.items().size(), params.getInt("embedding_size"),
                params.getInt("hidden_size"));
        return new Gru4RecModel(params, data, weights, new int[][] {indptr, items});
    }

    private static long[] itemCounts(TrainingData data) {
        long[] counts = new long[data.numItems()];
        for (int p = 0; p < data.sequences().totalEvents(); p++) {
            counts[data.sequences().item(p)]++;
        }
        return counts;
    }

    private static int[] shuffled(int[] values, SplittableRandom random) {
        int[] a = values.clone();
        Shuffle.shuffle(a, random);
        return a;
    }

    /** Inverted dropout: each unit is kept with probability {@code 1 - dropout} and scaled up. */
    private static void fillDropMask(float[] mask, double dropout, SplittableRandom random) {
        float kept = (float) (1 / (1 - dropout));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = dropout > 0 && random.nextDouble() < dropout ? 0f : kept;
        }
    }

    /** The validated parameters. */
    private record Settings(int hiddenSize, int embeddingSize, double learningRate, String optimizer, int epochs,
                            int batchSize, double dropout, String loss, int samples, double sampleAlpha,
                            double bpreg, long gapSeconds, int maxLength) {
        static Settings of(Params p) {
            double dropout = p.getDouble("dropout", 0);
            if (dropout >= 1) {
                throw new InvalidParameterException("parameter 'dropout' must be < 1, was " + dropout);
            }
            double learningRate = p.getDouble("learning_rate", 0);
            if (learningRate <= 0) {
                throw new InvalidParameterException("parameter 'learning_rate' must be > 0, was " + learningRate);
            }
            return new Settings(p.getInt("hidden_size", 1), p.getInt("embedding_size", 1), learningRate,
                    p.getString("optimizer"), p.getInt("epochs", 0), p.getInt("batch_size", 1), dropout,
                    p.getString("loss"), p.getInt("n_sample", 0), p.getDouble("sample_alpha", 0),
                    p.getDouble("bpreg", 0), 60L * p.getInt("session_gap_minutes", 1),
                    p.getInt("max_session_length", 1));
        }

        IUpdater updater() {
            return optimizer.equals("adam") ? new Adam(learningRate) : new AdaGrad(learningRate);
        }
    }
}
