package io.recsyslite.models.popularity;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.ScoringRecommender;
import java.io.IOException;

/** Scores every item by its popularity, whoever asks. Immutable. */
final class PopularityModel extends ScoringRecommender {
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
}
