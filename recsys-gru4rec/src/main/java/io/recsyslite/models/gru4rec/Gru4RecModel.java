package io.recsyslite.models.gru4rec;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Explainer;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.ScoringRecommender;
import io.recsyslite.models.common.Vectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A trained GRU4Rec model. {@link #recommendFor} runs the GRU over the last
 * {@code max_session_length} recent items from a zero state and scores every item against the
 * final hidden state ({@code h . W_out^T + b}); {@link #recommend} does the same with the user's
 * latest training session. similarItems compares the output item embeddings by cosine. An
 * explanation weighs each item of the session the GRU ran over by how much the recommended item's
 * score drops when the GRU runs without it (occlusion): in a sequence the items that lead to an item
 * are rarely near it in an embedding (a chain a, b, c puts c's vector near nothing of a's or b's).
 *
 * <p>Immutable and thread-safe: inference is plain Java over the extracted weights.
 */
final class Gru4RecModel extends ScoringRecommender implements Explainer {
    private final Gru4RecWeights weights;
    private final int maxLength;
    /** Users' latest sessions: {@code [indptr, items]}. */
    private final int[][] latestSessions;
    private final float[] outputNorms;

    Gru4RecModel(Params params, ModelData data, Gru4RecWeights weights, int[][] latestSessions) {
        super(Gru4RecProvider.NAME, params, data);
        this.weights = weights;
        this.maxLength = params.getInt("max_session_length");
        this.latestSessions = latestSessions;
        this.outputNorms = Vectors.rowNorms(weights.array(Gru4RecWeights.OUTPUT), weights.hiddenSize);
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        int[] session = latestSession(user);
        if (session.length > 0) {
            scoreRecent(session, scores);
        }
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        weights.scoreAll(weights.hiddenAfter(tail(recentItems)), scores);
    }

    @Override
    public ScoredItems explain(int user, int item, int topN) {
        checkUser(user);
        return explainFor(latestSession(user), item, topN);
    }

    @Override
    public ScoredItems explainFor(int[] recentItems, int item, int topN) {
        for (int recent : recentItems) {
            checkItem(recent);
        }
        checkItem(item);
        int[] session = tail(recentItems);
        float score = weights.score(weights.hiddenAfter(session), item);
        int[] history = IntStream.of(session).distinct().toArray();
        float[] drops = new float[history.length];
        for (int h = 0; h < history.length; h++) {
            int left = history[h];
            drops[h] = score - weights.score(weights.hiddenAfter(IntStream.of(session).filter(i -> i != left).toArray()), item);
        }
        return Explainer.strongest(history, drops, item, topN);
    }

    private int[] latestSession(int user) {
        return Arrays.copyOfRange(latestSessions[1], latestSessions[0][user], latestSessions[0][user + 1]);
    }

    /** The items the GRU runs over: the last {@code max_session_length}. */
    private int[] tail(int[] recentItems) {
        return Arrays.copyOfRange(recentItems, Math.max(0, recentItems.length - maxLength), recentItems.length);
    }

    @Override
    protected void scoreSimilar(int item, float[] scores) {
        float[] output = weights.array(Gru4RecWeights.OUTPUT);
        Vectors.cosineAll(output, outputNorms, weights.hiddenSize,
                Vectors.row(output, weights.hiddenSize, item), scores);
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putUserRows("user_sessions", latestSessions[0], latestSessions[1]);
        weights.write(out);
    }
}
