package io.recsyslite.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RobustnessGeneratorsTest {
    @Test
    void longTailShopHasMostItemsRareAndNoOrderInItsEvents() {
        TrainingData shop = LongTailShopGenerator.ofSeed(42).trainingData(ConfidenceWeighting.binary());
        assertThat(shop.numItems()).isGreaterThanOrEqualTo(15_000);
        int[] counts = new int[shop.numItems()];
        Sequences seq = shop.sequences();
        for (int p = 0; p < seq.totalEvents(); p++) {
            counts[seq.item(p)]++;
        }
        long rare = Arrays.stream(counts).filter(c -> c > 0 && c <= 3).count();
        long seen = Arrays.stream(counts).filter(c -> c > 0).count();
        assertThat(rare).as("most items have at most three interactions").isGreaterThan(seen / 2);
        // The ordered shop's sessions put same-category items next to each other; shuffled, neighbours
        // share a category no more often than any two events of the user.
        assertThat(sameCategoryNeighbours(shop)).isLessThan(sameCategoryNeighbours(
                new SampleShopGenerator(LongTailShopGenerator.ofSeed(42).config())
                        .trainingData(ConfidenceWeighting.binary())) * 0.8);
        assertThat(LongTailShopGenerator.ofSeed(42).trainingData(ConfidenceWeighting.binary()).sequences().items(7))
                .as("deterministic").containsExactly(seq.items(7));
    }

    private static double sameCategoryNeighbours(TrainingData data) {
        Sequences seq = data.sequences();
        long same = 0;
        long pairs = 0;
        for (int u = 0; u < seq.numUsers(); u++) {
            for (int p = seq.start(u) + 1; p < seq.end(u); p++) {
                pairs++;
                same += data.metadata().category(seq.item(p)).equals(data.metadata().category(seq.item(p - 1))) ? 1 : 0;
            }
        }
        return same / (double) pairs;
    }

    @Test
    void sessionStreamFollowsItemToItemTransitions() {
        SessionStreamGenerator generator = new SessionStreamGenerator(2_000, 500, 5, 9);
        TrainingData sessions = generator.trainingData(ConfidenceWeighting.binary());
        assertThat(sessions.numUsers()).isEqualTo(2_000);
        Sequences seq = sessions.sequences();
        assertThat(seq.totalEvents() / 2_000.0).isBetween(4.0, 6.0);
        // The most frequent successor of an item follows it far more often than chance (1/500).
        int[][] next = new int[500][500];
        long transitions = 0;
        for (int u = 0; u < seq.numUsers(); u++) {
            for (int p = seq.start(u) + 1; p < seq.end(u); p++) {
                next[seq.item(p - 1)][seq.item(p)]++;
                transitions++;
            }
        }
        long top = 0;
        for (int[] row : next) {
            top += Arrays.stream(row).max().orElse(0);
        }
        assertThat(top / (double) transitions).isGreaterThan(0.25);
        assertThat(new SessionStreamGenerator(2_000, 500, 5, 9).trainingData(ConfidenceWeighting.binary())
                .sequences().items(11)).containsExactly(seq.items(11));
    }
}
