package io.recsyslite.models.gru4rec;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Session-based next-item model after GRU4Rec (Hidasi et al. 2016/2018) on DL4J: item embedding,
 * one gated recurrent layer, dropout, and a softmax over all items trained with cross-entropy.
 * Sessions are users' events split at pauses longer than {@code session_gap_minutes}.
 *
 * <p>Deviations from the paper, for DL4J 1.0.0-M2.1: its MultiLayerNetwork has no GRU layer, so
 * the recurrent cell is an LSTM (the other gated cell; same role, 4/3 the weights); batches are
 * padded sessions rather than session-parallel; the loss is the full-softmax cross-entropy (BPR-max
 * with sampled negatives is not implemented). DL4J's native ops use their own OpenMP threads
 * (set OMP_NUM_THREADS); {@code TrainingContext.threads()} is not applied to them. Stateless.
 */
public final class Gru4RecProvider implements RecommenderProvider {
    public static final String NAME = "gru4rec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GRU4Rec-style recurrent next-item model over sessions (DL4J)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange("hidden_size", 100, 32, 512),
                ParamSpec.intLogRange("embedding_size", 64, 16, 256),
                ParamSpec.floatLogRange("learning_rate", 0.005, 1e-4, 0.1),
                ParamSpec.categorical("optimizer", "adam", "adam", "adagrad"),
                ParamSpec.intRange("epochs", 10, 1, 50),
                ParamSpec.intLogRange("batch_size", 64, 16, 512),
                ParamSpec.floatRange("dropout", 0.1, 0.0, 0.6),
                ParamSpec.intRange("max_session_length", 20, 3, 100),
                ParamSpec.fixedInt("session_gap_minutes", 30),
                ParamSpec.fixedCategorical("loss", "cross_entropy", "cross_entropy"));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        int maxLength = params.getInt("max_session_length", 1);
        long gapSeconds = 60L * params.getInt("session_gap_minutes", 1);
        double dropout = params.getDouble("dropout", 0);
        if (dropout >= 1) {
            throw new io.recsyslite.core.error.InvalidParameterException(
                    "parameter 'dropout' must be < 1, was " + dropout);
        }
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(params, data.numItems(), context.seed()));
        network.init();
        SessionBatches batches = new SessionBatches(Sessions.split(data.sequences(), gapSeconds), maxLength,
                params.getInt("batch_size", 1), data.numItems());
        ModelData modelData = ModelData.of(data);
        int[][] latest = Sessions.latest(data.sequences(), gapSeconds, maxLength);
        int epochs = params.getInt("epochs", 1);
        SplittableRandom random = new SplittableRandom(context.seed());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            batches.shuffle(random);
            for (int b = 0; b < batches.batches(); b++) {
                network.fit(batches.batch(b));
            }
            context.progress().update(NAME + ": epoch", epoch, epochs);
            context.epochs().epochEnded(epoch, () -> new Gru4RecModel(params, modelData, network.clone(), latest));
        }
        return new Gru4RecModel(params, modelData, network, latest);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        int[] indptr = in.ints("user_sessions_indptr", data.users().size() + 1);
        int[] items = in.ints("user_sessions_items");
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(
                in.file(Gru4RecModel.NETWORK_FILE).toFile(), false);
        if (network.getLayer(0).getParam("W").size(0) != data.items().size()) {
            throw new CorruptModelException("Model file " + Gru4RecModel.NETWORK_FILE
                    + " does not match items.json (different number of items)");
        }
        return new Gru4RecModel(params, data, network, new int[][] {indptr, items});
    }

    private static MultiLayerConfiguration configuration(Params params, int numItems, long seed) {
        int embedding = params.getInt("embedding_size", 1);
        int hidden = params.getInt("hidden_size", 1);
        double lr = params.getDouble("learning_rate", Double.MIN_VALUE);
        IUpdater updater = params.getString("optimizer").equals("adagrad") ? new AdaGrad(lr) : new Adam(lr);
        // DL4J's dropOut(p) takes the probability of RETAINING an activation.
        double retain = 1.0 - params.getDouble("dropout");
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(numItems).nOut(embedding)
                        .inferInputLength(true).outputDataFormat(RNNFormat.NCW).build())
                .layer(new LSTM.Builder().nIn(embedding).nOut(hidden).activation(Activation.TANH)
                        .dataFormat(RNNFormat.NCW).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nIn(hidden).nOut(numItems).dataFormat(RNNFormat.NCW)
                        .dropOut(retain).build())
                .build();
    }
}
