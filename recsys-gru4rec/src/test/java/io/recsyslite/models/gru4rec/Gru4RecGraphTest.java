package io.recsyslite.models.gru4rec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.learning.config.Sgd;

/** The SameDiff graph's gradients agree with finite differences of its loss, for both losses. */
class Gru4RecGraphTest {
    private static final int ITEMS = 7;
    private static final int ROWS = 3;
    private static final int SAMPLES = 4;
    private static final int HIDDEN = 4;

    @ParameterizedTest
    @ValueSource(strings = {"cross_entropy", "bpr_max"})
    void gradientsMatchFiniteDifferences(String loss) {
        Gru4RecWeights weights = randomised(Gru4RecWeights.initial(ITEMS, 3, HIDDEN, 5L));
        Gru4RecGraph graph = new Gru4RecGraph(weights, ROWS, SAMPLES, loss, 0.5, "adagrad", new Sgd(0.1));
        int[] inputs = {0, 3, 5};
        int[] outputItems = {1, 4, 6, 2, 0, 5, 1};
        SplittableRandom random = new SplittableRandom(1);
        float[] hidden = new float[ROWS * HIDDEN];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = (float) random.nextDouble(-0.8, 0.8);
        }
        float[] dropMask = new float[ROWS * HIDDEN];
        java.util.Arrays.fill(dropMask, 1f);
        dropMask[2] = 0f;
        graph.useItems(inputs, outputItems);
        int checked = 0;
        for (String parameter : graph.variables()) {
            float[] analytic = graph.gradient(parameter, hidden, dropMask);
            float[] values = graph.value(parameter);
            for (int index = 0; index < values.length; index++) {
                double eps = 1e-2;
                graph.set(parameter, index, (float) (values[index] + eps));
                double up = graph.loss(hidden, dropMask);
                graph.set(parameter, index, (float) (values[index] - eps));
                double down = graph.loss(hidden, dropMask);
                graph.set(parameter, index, values[index]);
                double numeric = (up - down) / (2 * eps);
                assertThat(analytic[index]).as("%s[%d]", parameter, index)
                        .isCloseTo((float) numeric, org.assertj.core.data.Offset.offset(
                                (float) (2e-3 + 0.02 * Math.abs(numeric))));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Non-zero biases too, so their gradients are checked away from zero. */
    private static Gru4RecWeights randomised(Gru4RecWeights w) {
        SplittableRandom random = new SplittableRandom(9);
        java.util.Map<String, float[]> arrays = new java.util.LinkedHashMap<>();
        for (String name : Gru4RecWeights.shapes(ITEMS, 3, HIDDEN).keySet()) {
            float[] a = w.array(name).clone();
            for (int i = 0; i < a.length; i++) {
                a[i] += (float) random.nextDouble(-0.5, 0.5);
            }
            arrays.put(name, a);
        }
        return new Gru4RecWeights(ITEMS, 3, HIDDEN, arrays);
    }
}
