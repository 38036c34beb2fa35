package io.recsyslite.models.gru4rec;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.ScoringRecommender;
import io.recsyslite.models.vectors.DenseVectors;
import java.io.IOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained session model: the recurrent net predicts a probability for every item as the next
 * one after a sequence of items. {@link #recommend} feeds the user's latest training session.
 * similarItems compares the net's input item embeddings by cosine.
 *
 * <p>Thread-safe: DL4J networks are not safe for concurrent {@code output()} calls, so the forward
 * pass is serialised on a lock (one prediction is a few milliseconds); the rest is immutable.
 */
final class Gru4RecModel extends ScoringRecommender {
    static final String NETWORK_FILE = "network.zip";

    private final MultiLayerNetwork network;
    private final Object networkLock = new Object();
    private final int maxLength;
    /** Users' latest sessions: {@code [indptr, items]}. */
    private final int[][] latestSessions;
    private final int embeddingDim;
    private final float[] itemEmbeddings;
    private final float[] itemNorms;

    Gru4RecModel(Params params, ModelData data, MultiLayerNetwork network, int[][] latestSessions) {
        super(Gru4RecProvider.NAME, params, data);
        this.network = network;
        this.maxLength = params.getInt("max_session_length");
        this.latestSessions = latestSessions;
        INDArray weights = network.getLayer(0).getParam("W");
        this.embeddingDim = (int) weights.size(1);
        this.itemEmbeddings = weights.dup().reshape(weights.length()).toFloatVector();
        this.itemNorms = DenseVectors.rowNorms(itemEmbeddings, embeddingDim);
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        int[] session = java.util.Arrays.copyOfRange(latestSessions[1], latestSessions[0][user],
                latestSessions[0][user + 1]);
        if (session.length > 0) {
            scoreRecent(session, scores);
        }
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        INDArray input = SessionBatches.query(recentItems, maxLength);
        INDArray output;
        synchronized (networkLock) {
            output = network.output(input, false);
        }
        long last = output.size(2) - 1;
        float[] next = output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(last)).toFloatVector();
        System.arraycopy(next, 0, scores, 0, scores.length);
    }

    @Override
    protected void scoreSimilar(int item, float[] scores) {
        DenseVectors.cosineAll(itemEmbeddings, itemNorms, embeddingDim,
                DenseVectors.row(itemEmbeddings, embeddingDim, item), scores);
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putInts("user_sessions_indptr", latestSessions[0]);
        out.putInts("user_sessions_items", latestSessions[1]);
        synchronized (networkLock) {
            ModelSerializer.writeModel(network, out.fileFor(NETWORK_FILE).toFile(), false);
        }
    }
}
