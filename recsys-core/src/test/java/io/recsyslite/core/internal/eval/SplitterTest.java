package io.recsyslite.core.internal.eval;

import io.recsyslite.core.internal.data.TrainingDataBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.data.EventColumns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /**
     * User 0 in input order: item0@10, item1@20, item2@20, item3@5, so by time 3,0,1,2 (1 before 2 by
     * input order). User 1: item4@7 only. User 2: item5@1, item5@30, item6@2 (a repeat purchase).
     */
    static TrainingData data() {
        EventColumns e = new EventColumns();
        e.add(0, 0, 10, 1);
        e.add(0, 1, 20, 1);
        e.add(1, 4, 7, 1);
        e.add(0, 2, 20, 1);
        e.add(2, 5, 1, 1);
        e.add(0, 3, 5, 1);
        e.add(2, 5, 30, 2);
        e.add(2, 6, 2, 1);
        return TrainingDataBuilder.build(IdIndex.of("u0", "u1", "u2"), IdIndex.of("a", "b", "c", "d", "e", "f", "g"),
                e, ConfidenceWeighting.byQuantity(), ItemMetadata.empty(7));
    }

    private static int[] row(CsrMatrix m, int r) {
        return m.rowIndices(r);
    }

    @Test
    void randomOneOutHoldsOutOneDistinctItemOfEveryUserWithTwoOrMore() {
        Split split = Splitter.randomOneOut(3).split(data());
        assertThat(split.test().rowLength(0)).isEqualTo(1);
        assertThat(split.test().rowLength(1)).as("a single item stays for training").isZero();
        assertThat(split.test().rowLength(2)).isEqualTo(1);
        int held = row(split.test(), 2)[0];
        assertThat(split.train().interactions().userItems().contains(2, held))
                .as("every event of the held-out item leaves training").isFalse();
        assertThat(split.train().interactions().userItems().rowLength(0)).isEqualTo(3);
        assertThat(row(Splitter.randomOneOut(3).split(data()).test(), 0)).as("deterministic").isEqualTo(row(split.test(), 0));
        boolean anotherPick = false;
        for (long seed = 4; seed < 20 && !anotherPick; seed++) {
            anotherPick = !Arrays.equals(row(Splitter.randomOneOut(seed).split(data()).test(), 0), row(split.test(), 0));
        }
        assertThat(anotherPick).as("the seed chooses the item").isTrue();
    }

    @Test
    void leaveLastOutHoldsOutTheLatestEventsWithTiesInInputOrder() {
        Split split = Splitter.leaveLastOut(1).split(data());
        assertThat(row(split.test(), 0)).containsExactly(2);
        assertThat(row(split.test(), 1)).containsExactly(4);
        assertThat(row(split.test(), 2)).containsExactly(5);
        assertThat(split.train().sequences().items(0)).containsExactly(3, 0, 1);
        assertThat(split.train().sequences().length(1)).isZero();
        // the repeat purchase's earlier event stays in training: the held-out item 5 is also seen
        assertThat(split.train().sequences().items(2)).containsExactly(5, 6);
        assertThat(split.numTestUsers()).isEqualTo(3);
        assertThat(split.train().users()).isEqualTo(data().users());
        assertThat(split.train().weighting()).isEqualTo(ConfidenceWeighting.byQuantity());

        Split two = Splitter.leaveLastOut(2).split(data());
        assertThat(row(two.test(), 0)).containsExactly(1, 2);
        assertThat(two.train().sequences().items(0)).containsExactly(3, 0);
        assertThat(BenchmarkProtocol.split(data()).test().rowIndices(0)).containsExactly(2);
    }

    @Test
    void leaveLastFractionHoldsOutTheLatestShareButKeepsEveryUsersEarliestEvent() {
        Split split = Splitter.leaveLastFraction(0.5).split(data());
        // user 0: 4 events -> last 2 by time (items 1, 2); user 1: 1 event -> kept for training;
        // user 2: 3 events -> round(1.5) = 2 -> the last two by time (item 6@2, item 5@30)
        assertThat(row(split.test(), 0)).containsExactly(1, 2);
        assertThat(split.train().sequences().items(0)).containsExactly(3, 0);
        assertThat(row(split.test(), 1)).isEmpty();
        assertThat(split.train().sequences().items(1)).containsExactly(4);
        assertThat(row(split.test(), 2)).containsExactly(5, 6);
        assertThat(split.train().sequences().items(2)).containsExactly(5);

        Split small = Splitter.leaveLastFraction(0.2).split(data()); // at least one event per user
        assertThat(row(small.test(), 0)).containsExactly(2);
        assertThat(row(small.test(), 2)).containsExactly(5);
        assertThatThrownBy(() -> Splitter.leaveLastFraction(1.0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("fraction");
    }

    @Test
    void timeCutoffSendsEventsAtOrAfterItToTest() {
        Split split = Splitter.timeCutoff(20).split(data());
        assertThat(row(split.test(), 0)).containsExactly(1, 2);
        assertThat(row(split.test(), 1)).isEmpty();
        assertThat(row(split.test(), 2)).containsExactly(5);
        assertThat(split.train().sequences().items(0)).containsExactly(3, 0);
        assertThat(split.train().sequences().items(2)).containsExactly(5, 6);
    }

    @Test
    void randomHoldoutIsDeterministicPerSeedAndSplitsWholeItems() {
        TrainingData data = data();
        Split a = Splitter.randomHoldout(0.5, 7).split(data);
        Split b = Splitter.randomHoldout(0.5, 7).split(data);
        assertThat(a.test().copyIndices()).containsExactly(b.test().copyIndices());
        assertThat(a.test().rowLength(0)).isEqualTo(2); // half of 4 items
        assertThat(a.test().rowLength(1)).isZero(); // a single item stays in training
        assertThat(a.test().rowLength(2)).isEqualTo(1);
        for (int u = 0; u < 3; u++) {
            CsrMatrix train = a.train().interactions().userItems();
            for (int item : row(a.test(), u)) {
                assertThat(train.contains(u, item)).as("user %d item %d in both", u, item).isFalse();
            }
            assertThat(train.rowLength(u) + a.test().rowLength(u))
                    .isEqualTo(data.interactions().userItems().rowLength(u));
        }
        boolean someSeedDiffers = false;
        for (long seed = 0; seed < 20 && !someSeedDiffers; seed++) {
            someSeedDiffers = !Arrays.equals(a.test().copyIndices(),
                    Splitter.randomHoldout(0.5, seed).split(data).test().copyIndices());
        }
        assertThat(someSeedDiffers).isTrue();
        assertThatThrownBy(() -> Splitter.randomHoldout(1.0, 1)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void validationIsCarvedFromTheTrainingPartOnly() {
        Split split = Splitter.leaveLastOut(1).split(data());
        Split validation = split.validation(Splitter.leaveLastOut(1));
        assertThat(row(validation.test(), 0)).containsExactly(1);
        assertThat(validation.train().sequences().items(0)).containsExactly(3, 0);
        assertThat(row(validation.test(), 1)).isEmpty();
        assertThat(row(split.test(), 0)).containsExactly(2);
    }
}
