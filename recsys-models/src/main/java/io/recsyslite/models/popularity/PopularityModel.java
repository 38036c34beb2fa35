package io.recsyslite.models.popularity;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.FoldInUsers;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.ScoringRecommender;
import java.io.IOException;
import java.util.List;

/** Scores every item by its popularity, whoever asks. Immutable. */
final class PopularityModel extends ScoringRecommender implements FoldIn {
    private final float[] popularity;

    PopularityModel(Params params, ModelData data, float[] popularity) {
        super(PopularityProvider.NAME, params, data);
        this.popularity = popularity;
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, scores.length);
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, scores.length);
    }

    @Override
    protected void scoreSimilar(int item, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, scores.length);
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putFloats("popularity", popularity);
    }

    /** History-based: the users' new interactions are used directly, the popularity scores stay as trained. */
    @Override
    public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
        return new PopularityModel(params(), FoldInUsers.merge(data, userIds, rows).data(), popularity);
    }
}
