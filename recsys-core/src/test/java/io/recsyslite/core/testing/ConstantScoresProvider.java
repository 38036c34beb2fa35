package io.recsyslite.core.testing;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.FoldInUsers;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.ScoringRecommender;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.util.List;

/** A test algorithm: item i scores {@code weight * i}; registered in the test ServiceLoader file. */
public final class ConstantScoresProvider implements RecommenderProvider {
    public static final String NAME = "test-constant";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test model: item i scores weight * i";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(ParamSpec.floatRange("weight", 1.0, 0.5, 2.0), ParamSpec.intLogRange("size", 8, 1, 64),
                ParamSpec.categorical("mode", "a", "a", "b"));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        return new Model(params, ModelData.of(data));
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        return new Model(paramSpace().resolve(in.manifest().params()), ModelData.read(in));
    }

    static final class Model extends ScoringRecommender implements FoldIn {
        Model(Params params, ModelData data) {
            super(NAME, params, data);
        }

        @Override
        protected void scoreUser(int user, float[] scores) {
            fill(scores);
        }

        @Override
        protected void scoreRecent(int[] recentItems, float[] scores) {
            fill(scores);
        }

        @Override
        protected void scoreSimilar(int item, float[] scores) {
            fill(scores);
        }

        private void fill(float[] scores) {
            float w = params().getFloat("weight");
            for (int i = 0; i < scores.length; i++) {
                scores[i] = w * i;
            }
        }

        @Override
        public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
            return new Model(params(), FoldInUsers.merge(data, userIds, rows).data());
        }

        @Override
        protected void writeModel(ArtifactWriter out) throws IOException {
            out.putMeta("note", "constant");
            float[] affinity = new float[users().size() * 2]; // a per-user array named as no convention would
            java.util.Arrays.fill(affinity, 1f);
            out.putUserFloats("affinity", affinity, users().size(), 2);
        }
    }
}
