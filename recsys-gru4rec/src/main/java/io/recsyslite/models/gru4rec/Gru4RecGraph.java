package io.recsyslite.models.gru4rec;

import java.util.ArrayList;
import java.util.Arrays;
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
 * The SameDiff training graph of ONE GRU step over a session-parallel mini-batch, as in GRU4Rec.
 * Its inputs are each row's input item embedding, the incoming hidden state (a placeholder, so
 * gradients do not flow back across steps) and the output embeddings and biases of the step's
 * output items: the rows' targets (in-batch negatives for the other rows) followed by the shared
 * sampled negatives; row {@code i}'s positive is column {@code i}. The new state, after dropout,
 * is scored against those items only.
 *
 * <p>GRU cell (GRU4Rec's form): {@code z = s(x Wxz + h Whz + bz)}, {@code r = s(x Wxr + h Whr + br)},
 * {@code n = tanh(x Wxn + (r*h) Whn + bn)}, {@code h' = (1-z) h + z n}. The GRU weights are updated by
 * nd4j's updater (Adagrad or Adam). The item tables stay Java arrays: each step copies the rows it
 * uses into the graph and applies their gradients sparsely ({@link RowOptimizer}), because SameDiff
 * 1.0.0-M2.1 cannot differentiate a gather by a placeholder index. Not thread-safe; one per training.
 */
final class Gru4RecGraph {
    static final String INPUT = "input_rows";
    static final String OUTPUT = "output_rows";
    static final String OUTPUT_BIAS = "output_bias_rows";
    private static final String LOSS = "loss";
    private static final String NEXT_STATE = "next_state";
    private static final float NOT_A_NEGATIVE = 1e4f;

    private final SameDiff sd = SameDiff.create();
    private final int rows;
    private final int columns;
    private final int numItems;
    private final int embeddingSize;
    private final int hiddenSize;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final float[] embedding;
    private final float[] output;
    private final float[] outputBias;
    private final RowOptimizer embeddingOptimizer;
    private final RowOptimizer outputOptimizer;
    private final RowOptimizer biasOptimizer;
    private final float[] state;
    private int[] inputs;
    private int[] outputItems;
    private int iteration;

    /**
     * @param rows    parallel sessions per step
     * @param samples shared sampled negatives per step
     * @param loss    {@code cross_entropy} or {@code bpr_max}
     * @param bpreg   BPR-max score regularisation weight
     */
    Gru4RecGraph(Gru4RecWeights initial, int rows, int samples, String loss, double bpreg, String optimizer,
                 IUpdater updater) {
        this.rows = rows;
        this.columns = rows + samples;
        this.numItems = initial.numItems;
        this.embeddingSize = initial.embeddingSize;
        this.hiddenSize = initial.hiddenSize;
        this.state = new float[rows * hiddenSize];
        double lr = updater.getLearningRate(0, 0);
        this.embedding = initial.array(Gru4RecWeights.EMBEDDING).clone();
        this.output = initial.array(Gru4RecWeights.OUTPUT).clone();
        this.outputBias = initial.array(Gru4RecWeights.OUTPUT_BIAS).clone();
        this.embeddingOptimizer = new RowOptimizer(embedding, embeddingSize, optimizer, lr);
        this.outputOptimizer = new RowOptimizer(output, hiddenSize, optimizer, lr);
        this.biasOptimizer = new RowOptimizer(outputBias, 1, optimizer, lr);

        Map<String, SDVariable> w = new LinkedHashMap<>();
        Gru4RecWeights.shapes(numItems, embeddingSize, hiddenSize).forEach((name, shape) -> {
            if (shape[0] != numItems) {
                INDArray value = Nd4j.create(initial.array(name).clone(), toLong(shape), 'c');
                w.put(name, sd.var(name, value));
                long stateSize = updater.stateSize(value.length());
                INDArray view = stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize);
                updaters.put(name, updater.instantiate(view, true));
            }
        });
        SDVariable x = sd.var(INPUT, Nd4j.zeros(DataType.FLOAT, rows, embeddingSize));
        SDVariable out = sd.var(OUTPUT, Nd4j.zeros(DataType.FLOAT, columns, hiddenSize));
        SDVariable bias = sd.var(OUTPUT_BIAS, Nd4j.zeros(DataType.FLOAT, columns));
        SDVariable h = sd.placeHolder("state", DataType.FLOAT, rows, hiddenSize);
        SDVariable dropMask = sd.placeHolder("drop_mask", DataType.FLOAT, rows, hiddenSize);

        SDVariable z = sd.nn().sigmoid(x.mmul(w.get("w_xz")).add(h.mmul(w.get("w_hz"))).add(w.get("b_z")));
        SDVariable r = sd.nn().sigmoid(x.mmul(w.get("w_xr")).add(h.mmul(w.get("w_hr"))).add(w.get("b_r")));
        SDVariable n = sd.math().tanh(x.mmul(w.get("w_xn")).add(r.mul(h).mmul(w.get("w_hn"))).add(w.get("b_n")));
        SDVariable next = z.rsub(1.0).mul(h).add(NEXT_STATE, z.mul(n));

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
        SDVariable probability = sd.nn().softmax(scores, 1).mul(positive).sum(1);
        sd.math().log(probability.add(1e-24)).mean().neg(LOSS);
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
                Arrays.fill(state, r * hiddenSize, (r + 1) * hiddenSize, 0f);
            }
        }
        useItems(inputs, outputItems);
        List<String> variables = new ArrayList<>(updaters.keySet());
        variables.addAll(List.of(INPUT, OUTPUT, OUTPUT_BIAS));
        OutAndGrad result = sd.calculateGradientsAndOutputs(feed(state, dropMask), List.of(NEXT_STATE, LOSS),
                variables);
        Map<String, INDArray> gradients = result.getGradients();
        for (Map.Entry<String, GradientUpdater<?>> e : updaters.entrySet()) {
            INDArray gradient = gradients.get(e.getKey()).dup('c');
            INDArray flat = gradient.reshape(1, gradient.length());
            e.getValue().applyUpdater(flat, iteration, epoch);
            sd.getVariable(e.getKey()).getArr().subi(flat.reshape(gradient.shape()));
        }
        embeddingOptimizer.update(inputs, floats(gradients.get(INPUT)));
        outputOptimizer.update(outputItems, floats(gradients.get(OUTPUT)));
        biasOptimizer.update(outputItems, floats(gradients.get(OUTPUT_BIAS)));
        iteration++;
        System.arraycopy(floats(result.getOutputs().get(NEXT_STATE)), 0, state, 0, state.length);
        return result.getOutputs().get(LOSS).getDouble(0);
    }

    /** Copies the item rows of this step into the graph. */
    void useItems(int[] inputs, int[] outputItems) {
        this.inputs = inputs;
        this.outputItems = outputItems;
        // in place: replacing a variable's array makes SameDiff slower at every later step
        sd.getVariable(INPUT).getArr().assign(Nd4j.create(rowsOf(embedding, embeddingSize, inputs),
                new long[] {rows, embeddingSize}, 'c'));
        sd.getVariable(OUTPUT).getArr().assign(Nd4j.create(rowsOf(output, hiddenSize, outputItems),
                new long[] {columns, hiddenSize}, 'c'));
        sd.getVariable(OUTPUT_BIAS).getArr().assign(Nd4j.create(rowsOf(outputBias, 1, outputItems),
                new long[] {columns}, 'c'));
    }

    private static float[] rowsOf(float[] table, int dim, int[] rows) {
        float[] out = new float[rows.length * dim];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(table, rows[k] * dim, out, k * dim, dim);
        }
        return out;
    }

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** The loss of one step on the items of {@link #useItems}, without training. */
    double loss(float[] hidden, float[] dropMask) {
        return sd.output(feed(hidden, dropMask), LOSS).get(LOSS).getDouble(0);
    }

    /** The gradient of {@link #loss} with respect to a graph variable, flattened row-major. */
    float[] gradient(String variable, float[] hidden, float[] dropMask) {
        return floats(sd.calculateGradients(feed(hidden, dropMask), variable).get(variable));
    }

    /** The graph's variables: the GRU weights and the step's item rows. */
    List<String> variables() {
        List<String> names = new ArrayList<>(updaters.keySet());
        names.addAll(List.of(INPUT, OUTPUT, OUTPUT_BIAS));
        return names;
    }

    float[] value(String variable) {
        return floats(sd.getVariable(variable).getArr());
    }

    /** Sets one entry (row-major index) of a graph variable, for gradient checks. */
    void set(String variable, int index, float value) {
        sd.getVariable(variable).getArr().putScalar(index, value);
    }

    private Map<String, INDArray> feed(float[] hidden, float[] dropMask) {
        return Map.of(
                "state", Nd4j.create(hidden, new long[] {rows, hiddenSize}, 'c'),
                "drop_mask", Nd4j.create(dropMask, new long[] {rows, hiddenSize}, 'c'));
    }

    /** A copy of the current parameters as immutable weights. */
    Gru4RecWeights weights() {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (String name : updaters.keySet()) {
            arrays.put(name, value(name));
        }
        arrays.put(Gru4RecWeights.EMBEDDING, embedding.clone());
        arrays.put(Gru4RecWeights.OUTPUT, output.clone());
        arrays.put(Gru4RecWeights.OUTPUT_BIAS, outputBias.clone());
        return new Gru4RecWeights(numItems, embeddingSize, hiddenSize, arrays);
    }

    private static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }
}
