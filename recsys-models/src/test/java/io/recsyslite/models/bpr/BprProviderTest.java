package io.recsyslite.models.bpr;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.ModelContractTest;
import io.recsyslite.models.PlantedData;
import io.recsyslite.models.common.JavaFloatKernels;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BprProviderTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "bpr";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("factors", 16, "epochs", 40, "learning_rate", 0.05);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("learning_rate", -0.1);
    }

    @Test
    void plainJavaKernelsTrainAModelAsGoodAsTheVectorApi() {
        BprProvider plain = new BprProvider(JavaFloatKernels::new);
        Recommender javaModel = plain.fit(data, plain.paramSpace().resolve(params()), TrainingContext.singleThreaded(42));
        // SGD amplifies float rounding over 40 epochs, so the check is the same ranking quality, not equal scores.
        for (int u = 0; u < data.numUsers(); u += 5) {
            int[] a = javaModel.recommend(u, RecommendRequest.top(3)).items();
            int[] b = model.recommend(u, RecommendRequest.top(3)).items();
            assertThat(Arrays.stream(a).map(PlantedData::clusterOfItem).toArray())
                    .isEqualTo(Arrays.stream(b).map(PlantedData::clusterOfItem).toArray());
        }
    }
}
