package io.recsyslite.models.itemknn;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.ModelContractTest;
import io.recsyslite.models.PlantedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemKnnProviderTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "itemknn";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("neighbours", 20);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("neighbours", 0);
    }

    @Test
    void keepsAtMostTheRequestedNeighbours() {
        Recommender few = fit(data, Map.of("neighbours", 2), TrainingContext.singleThreaded(1));
        float[] scores = few.similarItems(0, RecommendRequest.top(PlantedData.ITEMS - 1)).scores();
        int nonZero = 0;
        for (float s : scores) {
            nonZero += s != 0f ? 1 : 0;
        }
        assertThat(nonZero).isEqualTo(2);
    }

    @Test
    void weightingsAlsoLearnTheClusters() {
        for (String weighting : new String[] {"tfidf", "bm25"}) {
            Recommender m = fit(data, Map.of("weighting", weighting, "shrinkage", 5), TrainingContext.singleThreaded(1));
            int c = PlantedData.clusterOfUser(3);
            assertThat(PlantedData.clusters(m.recommend(3, RecommendRequest.top(2)).items())).containsExactly(c);
        }
    }
}
