package io.recsyslite.models.gru4rec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The SameDiff training graph of ONE GRU step over a session-parallel mini-batch, as in GRU4Rec:
 * inputs are each row's current item and the incoming hidden state (a placeholder, so gradients do
 * not flow back across steps); the new state, after dropout, is scored only against the output
 * items of the step: the rows' targets (in-batch negatives for the other rows) followed by the
 * shared sampled negatives. Row {@code i}'s positive is column {@code i}.
 *
 * <p>GRU cell (GRU4Rec's form): {@code z = s(x Wxz + h Whz + bz)}, {@code r = s(x Wxr + h Whr + br)},
 * {@code n = tanh(x Wxn + (r*h) Whn + bn)}, {@code h' = (1-z) h + z n}. The optimizer (Adagrad or
 * Adam) is applied per variable with nd4j's updaters. Not thread-safe; one per training.
 */
final class Gru4RecGraph {
    static final String LOSS = "loss";
    private static final String NEXT_STATE = "next_state";
    private static final float NOT_A_NEGATIVE = 1e4f;

    private final SameDiff sd = SameDiff.create();
    private final int rows;
    private final int columns;
    private final int hiddenSize;
    private final Gru4RecWeights initial;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final float[] state;
    private int iteration;

    /**
     * @param rows    parallel sessions per step
     * @param samples shared sampled negatives per step
     * @param loss    {@code cross_entropy} or {@code bpr_max}
     * @param bpreg   BPR-max score regularisation weight
     */
    Gru4RecGraph(Gru4RecWeights initial, int rows, int samples, String loss, double bpreg, IUpdater updater) {
        this.initial = initial;
        this.rows = rows;
        this.columns = rows + samples;
        this.hiddenSize = initial.hiddenSize;
        this.state = new float[rows * hiddenSize];
        Map<String, SDVariable> w = new LinkedHashMap<>();
        Gru4RecWeights.shapes(initial.numItems, initial.embeddingSize, hiddenSize).forEach((name, shape) -> {
            INDArray value = Nd4j.create(initial.array(name).clone(), toLong(shape), 'c');
            w.put(name, sd.var(name, value));
            INDArray view = Nd4j.zeros(DataType.FLOAT, 1, updater.stateSize(value.length()));
            updaters.put(name, updater.instantiate(view, true));
        });
        SDVariable input = sd.placeHolder("input", DataType.INT, rows);
        SDVariable h = sd.placeHolder("state", DataType.FLOAT, rows, hiddenSize);
        SDVariable outputItems = sd.placeHolder("output_items", DataType.INT, columns);
        SDVariable dropMask = sd.placeHolder("drop_mask", DataType.FLOAT, rows, hiddenSize);

        SDVariable x = sd.gather(w.get(Gru4RecWeights.EMBEDDING), input, 0);
        SDVariable z = sd.nn().sigmoid(x.mmul(w.get("w_xz")).add(h.mmul(w.get("w_hz"))).add(w.get("b_z")));
        SDVariable r = sd.nn().sigmoid(x.mmul(w.get("w_xr")).add(h.mmul(w.get("w_hr"))).add(w.get("b_r")));
        SDVariable n = sd.math().tanh(x.mmul(w.get("w_xn")).add(r.mul(h).mmul(w.get("w_hn"))).add(w.get("b_n")));
        SDVariable next = z.rsub(1.0).mul(h).add(NEXT_STATE, z.mul(n));

        SDVariable out = sd.gather(w.get(Gru4RecWeights.OUTPUT), outputItems, 0);
        SDVariable bias = sd.gather(w.get(Gru4RecWeights.OUTPUT_BIAS), outputItems, 0);
        SDVariable scores = sd.mmul(next.mul(dropMask), out, false, true, false).add(bias);
        SDVariable positive = sd.constant("positive_mask", positiveMask(rows, columns));
        if (loss.equals("bpr_max")) {
            bprMax(scores, positive, bpreg);
        } else {
            crossEntropy(scores, positive);
        }
        sd.setLossVariables(LOSS);
    }

    /** Softmax over the step's output items; the loss is the positive's negative log-probability. */
    private void crossEntropy(SDVariable scores, SDVariable positive) {
        SDVariable logProbability = sd.nn().logSoftmax(scores, 1);
        logProbability.mul(positive).sum().mul(LOSS, -1.0 / rows);
    }

    /**
     * BPR-max (Hidasi and Karatzoglou 2018): {@code -log sum_j softmax_j * sigmoid(r_i - r_j)} with the
     * softmax over the negatives only, plus {@code bpreg * sum_j softmax_j * r_j^2}.
     */
    private void bprMax(SDVariable scores, SDVariable positive, double bpreg) {
        SDVariable negativeWeight = sd.nn().softmax(scores.sub(positive.mul(NOT_A_NEGATIVE)), 1);
        SDVariable positiveScore = scores.mul(positive).sum(true, 1);
        SDVariable ranking = sd.nn().sigmoid(positiveScore.sub(scores)).mul(negativeWeight).sum(1);
        SDVariable rankingLoss = sd.math().log(ranking.add(1e-24)).mean().neg();
        SDVariable regularisation = scores.mul(scores).mul(negativeWeight).sum(1).mean().mul(bpreg);
        rankingLoss.add(LOSS, regularisation);
    }

    private static INDArray positiveMask(int rows, int columns) {
        INDArray mask = Nd4j.zeros(DataType.FLOAT, rows, columns);
        for (int i = 0; i < rows; i++) {
            mask.putScalar(i, i, 1f);
        }
        return mask;
    }

    /**
     * One training step: zeroes the hidden state of rows whose session starts, runs the GRU step,
     * applies the optimizer and keeps the new hidden state for the next step.
     *
     * @param outputItems the rows' targets followed by the sampled negatives ({@code rows + samples})
     * @param dropMask    per hidden unit: 0 (dropped) or {@code 1 / (1 - dropout)}, {@code rows x hidden}
     * @return the mini-batch loss
     */
    double step(int[] inputs, int[] outputItems, boolean[] resets, float[] dropMask, int epoch) {
        for (int r = 0; r < rows; r++) {
            if (resets[r]) {
                java.util.Arrays.fill(state, r * hiddenSize, (r + 1) * hiddenSize, 0f);
            }
        }
        OutAndGrad result = sd.calculateGradientsAndOutputs(feed(inputs, outputItems, state, dropMask),
                List.of(NEXT_STATE, LOSS),
                new ArrayList<>(updaters.keySet()));
        for (Map.Entry<String, GradientUpdater<?>> e : updaters.entrySet()) {
            INDArray gradient = result.getGradients().get(e.getKey()).dup('c');
            INDArray flat = gradient.reshape(1, gradient.length());
            e.getValue().applyUpdater(flat, iteration, epoch);
            sd.getVariable(e.getKey()).getArr().subi(flat.reshape(gradient.shape()));
        }
        iteration++;
        float[] next = result.getOutputs().get(NEXT_STATE).dup('c').data().asFloat();
        System.arraycopy(next, 0, state, 0, state.length);
        return result.getOutputs().get(LOSS).getDouble(0);
    }

    /** The loss of one step without training, for gradient checks; the hidden state is not kept. */
    double loss(int[] inputs, int[] outputItems, float[] hidden, float[] dropMask) {
        return sd.output(feed(inputs, outputItems, hidden, dropMask), LOSS).get(LOSS).getDouble(0);
    }

    /** The gradient of {@link #loss} with respect to a parameter, flattened row-major. */
    float[] gradient(String parameter, int[] inputs, int[] outputItems, float[] hidden, float[] dropMask) {
        return sd.calculateGradients(feed(inputs, outputItems, hidden, dropMask), parameter).get(parameter).dup('c').data().asFloat();
    }

    private Map<String, INDArray> feed(int[] inputs, int[] outputItems, float[] hidden, float[] dropMask) {
        return Map.of(
                "input", Nd4j.createFromArray(inputs),
                "state", Nd4j.create(hidden, new long[] {rows, hiddenSize}, 'c'),
                "output_items", Nd4j.createFromArray(outputItems),
                "drop_mask", Nd4j.create(dropMask, new long[] {rows, hiddenSize}, 'c'));
    }

    /** Sets one parameter entry (row-major index), for gradient checks. */
    void set(String parameter, int index, float value) {
        INDArray arr = sd.getVariable(parameter).getArr();
        arr.putScalar(index, value);
    }

    /** A copy of the current parameters as immutable weights. */
    Gru4RecWeights weights() {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (String name : updaters.keySet()) {
            arrays.put(name, sd.getVariable(name).getArr().dup('c').data().asFloat());
        }
        return new Gru4RecWeights(initial.numItems, initial.embeddingSize, hiddenSize, arrays);
    }

    private static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }
}
