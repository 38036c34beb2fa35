package io.recsyslite.models.item2vec;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.internal.sample.LongTailShopGenerator;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.core.spi.TrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderSignalTest {
    private static final SampleShopConfig SHOP = SampleShopConfig.ofEvents(20_000).withUsers(500).withItems(2_000);

    private static double ratio(TrainingData data) {
        return OrderSignal.ratio(data.sequences(), data.interactions().itemUsers(), 1);
    }

    @Test
    void sessionsInTimeOrderCarryASignalAndShuffledEventsDoNot() {
        // The sample shop's sessions stay in one category, so neighbours in time are related.
        double ordered = ratio(new SampleShopGenerator(SHOP).trainingData(ConfidenceWeighting.binary()));
        double shuffled = ratio(new LongTailShopGenerator(SHOP).trainingData(ConfidenceWeighting.binary()));
        assertThat(OrderSignal.carriesSignal(ordered)).as("ordered ratio %.3f", ordered).isTrue();
        assertThat(OrderSignal.carriesSignal(shuffled)).as("shuffled ratio %.3f", shuffled).isFalse();
    }

    @Test
    void autoHistoryUsesEveryItemWhenOrderSaysNothing() throws Exception {
        TrainingData shuffled = new LongTailShopGenerator(SHOP).trainingData(ConfidenceWeighting.binary());
        Item2VecProvider provider = new Item2VecProvider();
        Item2VecModel auto = (Item2VecModel) provider.fit(shuffled, provider.paramSpace().resolve(
                Map.of("vector_size", 8, "epochs", 1)), TrainingContext.singleThreaded(3));
        int user = 0;
        while (shuffled.sequences().length(user) < 12) {
            user++;
        }
        float[] mean = Item2VecModel.Query.ALL.of(auto.itemVectors(), 8, shuffled.sequences().items(user));
        assertThat(auto.userVector(user)).as("the plain mean of all items, not of the last 10")
                .containsExactly(mean);
    }
}
