package io.recsyslite.core.spi;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.NotFoundException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;
import java.io.IOException;

/**
 * Base for models that score every item for a query: subclasses fill a dense score vector, this
 * class removes excluded items (seen, query items) and selects the top k among those the
 * request's filter accepts, so k items come back whenever k pass. Subclasses must be immutable;
 * then this class is thread-safe (each call allocates its own score vector).
 */
public abstract class ScoringRecommender implements Recommender {
    private final String algorithm;
    private final Params params;
    protected final ModelData data;

    protected ScoringRecommender(String algorithm, Params params, ModelData data) {
        this.algorithm = algorithm;
        this.params = params;
        this.data = data;
    }

    /** Fills {@code scores} (length = items) for a known user. */
    protected abstract void scoreUser(int user, float[] scores);

    /** Fills {@code scores} for an anonymous user with these recent items (newest last, valid ints). */
    protected abstract void scoreRecent(int[] recentItems, float[] scores);

    /** Fills {@code scores} with similarity to {@code item}. */
    protected abstract void scoreSimilar(int item, float[] scores);

    /** Writes the model's own files; ids and seen interactions are written already. */
    protected abstract void writeModel(ArtifactWriter out) throws IOException;

    @Override
    public final String algorithm() {
        return algorithm;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final IdIndex users() {
        return data.users();
    }

    @Override
    public final IdIndex items() {
        return data.items();
    }

    @Override
    public ScoredItems recommend(int user, RecommendRequest request) {
        checkUser(user);
        float[] scores = new float[data.items().size()];
        scoreUser(user, scores);
        if (request.excludeSeen()) {
            CsrMatrix seen = data.seen();
            for (int p = seen.start(user); p < seen.end(user); p++) {
                scores[seen.col(p)] = Float.NaN;
            }
        }
        return top(scores, request);
    }

    @Override
    public ScoredItems recommendFor(int[] recentItems, RecommendRequest request) {
        for (int item : recentItems) {
            checkItem(item);
        }
        float[] scores = new float[data.items().size()];
        if (recentItems.length > 0) {
            scoreRecent(recentItems, scores);
        }
        if (request.excludeSeen()) {
            for (int item : recentItems) {
                scores[item] = Float.NaN;
            }
        }
        return top(scores, request);
    }

    @Override
    public ScoredItems similarItems(int item, RecommendRequest request) {
        checkItem(item);
        float[] scores = new float[data.items().size()];
        scoreSimilar(item, scores);
        scores[item] = Float.NaN;
        return top(scores, request);
    }

    /** The training confidences, users x items (what fold-in adds new events to). */
    public final CsrMatrix seen() {
        return data.seen();
    }

    /** The user's training items (ascending item ints). */
    public final int[] seenItems(int user) {
        checkUser(user);
        return data.seen().rowIndices(user);
    }

    @Override
    public final void writeTo(ArtifactWriter out) throws IOException {
        data.write(out);
        writeModel(out);
    }

    /** NaN scores are never returned. */
    private static ScoredItems top(float[] scores, RecommendRequest request) {
        TopK top = new TopK(request.k());
        top.offerAll(scores, request.filter());
        return top.drain();
    }

    protected final void checkUser(int user) {
        if (user < 0 || user >= data.users().size()) {
            throw new NotFoundException("user #" + user + " is not in the model (" + data.users().size() + " users)");
        }
    }

    protected final void checkItem(int item) {
        if (item < 0 || item >= data.items().size()) {
            throw new NotFoundException("item #" + item + " is not in the model (" + data.items().size() + " items)");
        }
    }
}
