package io.recsyslite.core.internal.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {
    private static Trial complete(int number, double... perStep) {
        TreeMap<Integer, Double> intermediate = new TreeMap<>();
        for (int s = 0; s < perStep.length; s++) {
            intermediate.put(s + 1, perStep[s]);
        }
        return new Trial(number, TrialState.COMPLETE, perStep[perStep.length - 1], Map.of(), intermediate, null,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static TreeMap<Integer, Double> running(double... perStep) {
        return complete(99, perStep).intermediate().entrySet().stream().collect(TreeMap::new,
                (m, e) -> m.put(e.getKey(), e.getValue()), TreeMap::putAll);
    }

    @Test
    void prunesBelowTheMedianAtTheSameStepWhenMaximizing() {
        List<Trial> done = List.of(complete(0, 0.1, 0.2), complete(1, 0.2, 0.4), complete(2, 0.3, 0.6));
        MedianPruner pruner = new MedianPruner(3, 0);
        assertThat(pruner.shouldPrune(2, running(0.1, 0.3), done, Direction.MAXIMIZE)).isTrue();
        assertThat(pruner.shouldPrune(2, running(0.1, 0.5), done, Direction.MAXIMIZE)).isFalse();
        // its best value so far counts, as in Optuna: 0.45 at step 1 beats the step-2 median 0.4
        assertThat(pruner.shouldPrune(2, running(0.45, 0.1), done, Direction.MAXIMIZE)).isFalse();
        assertThat(pruner.shouldPrune(2, running(0.1, 0.3), done, Direction.MINIMIZE)).isFalse();
    }

    @Test
    void waitsForStartupTrialsAndWarmUpAndNeedsTrialsThatReachedTheStep() {
        List<Trial> done = new ArrayList<>(List.of(complete(0, 1, 1), complete(1, 1, 1)));
        assertThat(new MedianPruner(3, 0).shouldPrune(1, running(0), done, Direction.MAXIMIZE)).isFalse();
        done.add(complete(2, 1, 1));
        assertThat(new MedianPruner(3, 0).shouldPrune(1, running(0), done, Direction.MAXIMIZE)).isTrue();
        assertThat(new MedianPruner(3, 2).shouldPrune(1, running(0), done, Direction.MAXIMIZE)).isFalse();
        assertThat(new MedianPruner(3, 0).shouldPrune(3, running(0, 0, 0), done, Direction.MAXIMIZE)).isFalse();
    }

    @Test
    void aTrialReportingOnlyNaNIsPruned() {
        List<Trial> done = List.of(complete(0, 1), complete(1, 1));
        assertThat(new MedianPruner(1, 0).shouldPrune(1, running(Double.NaN), done, Direction.MAXIMIZE)).isTrue();
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(MedianPruner.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(MedianPruner.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }
}
