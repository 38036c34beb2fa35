package io.recsyslite.models.popularity;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;

/**
 * Most popular items: the same ranking for everyone, minus what each user has seen. The baseline
 * every model must beat and the fallback for unknown users.
 */
public final class PopularityProvider implements RecommenderProvider {
    public static final String NAME = "popularity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "most popular items (non-personalised baseline)";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(ParamSpec.fixedCategorical("count", "users", "users", "confidence"));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        CsrMatrix itemUsers = data.interactions().itemUsers();
        boolean byConfidence = params.getString("count").equals("confidence");
        float[] popularity = new float[data.numItems()];
        for (int i = 0; i < popularity.length; i++) {
            if (byConfidence) {
                for (int p = itemUsers.start(i); p < itemUsers.end(i); p++) {
                    popularity[i] += itemUsers.value(p);
                }
            } else {
                popularity[i] = itemUsers.rowLength(i);
            }
        }
        context.progress().update(NAME, 1, 1);
        return new PopularityModel(params, ModelData.of(data), popularity);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        return new PopularityModel(params, data, in.floats("popularity", data.items().size()));
    }
}
