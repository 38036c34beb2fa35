package io.recsyslite.models.gru4rec;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.artifact.ArtifactWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trained parameters of GRU4Rec as plain float arrays (row-major): the input item embedding,
 * the GRU cell's update (z), reset (r) and candidate (n) weights and biases, and the output item
 * embedding and bias. Runs the GRU over a session and scores all items in plain Java, so inference
 * shares no native or SameDiff state. Immutable and thread-safe.
 */
final class Gru4RecWeights {
    static final String EMBEDDING = "item_embedding";
    static final String OUTPUT = "item_output";
    static final String OUTPUT_BIAS = "item_bias";

    final int numItems;
    final int embeddingSize;
    final int hiddenSize;
    private final Map<String, float[]> arrays;
    private final float[] embedding;
    private final float[] wxz;
    private final float[] wxr;
    private final float[] wxn;
    private final float[] whz;
    private final float[] whr;
    private final float[] whn;
    private final float[] bz;
    private final float[] br;
    private final float[] bn;
    private final float[] output;
    private final float[] outputBias;

    Gru4RecWeights(int numItems, int embeddingSize, int hiddenSize, Map<String, float[]> arrays) {
        this.numItems = numItems;
        this.embeddingSize = embeddingSize;
        this.hiddenSize = hiddenSize;
        this.arrays = Map.copyOf(arrays);
        this.embedding = arrays.get(EMBEDDING);
        this.wxz = arrays.get("w_xz");
        this.wxr = arrays.get("w_xr");
        this.wxn = arrays.get("w_xn");
        this.whz = arrays.get("w_hz");
        this.whr = arrays.get("w_hr");
        this.whn = arrays.get("w_hn");
        this.bz = arrays.get("b_z");
        this.br = arrays.get("b_r");
        this.bn = arrays.get("b_n");
        this.output = arrays.get(OUTPUT);
        this.outputBias = arrays.get(OUTPUT_BIAS);
    }

    /** Every parameter's name and shape, in a fixed order. */
    static Map<String, int[]> shapes(int numItems, int embeddingSize, int hiddenSize) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(EMBEDDING, new int[] {numItems, embeddingSize});
        for (String gate : new String[] {"z", "r", "n"}) {
            shapes.put("w_x" + gate, new int[] {embeddingSize, hiddenSize});
            shapes.put("w_h" + gate, new int[] {hiddenSize, hiddenSize});
            shapes.put("b_" + gate, new int[] {hiddenSize});
        }
        shapes.put(OUTPUT, new int[] {numItems, hiddenSize});
        shapes.put(OUTPUT_BIAS, new int[] {numItems});
        return shapes;
    }

    /** Glorot-uniform matrices and zero biases, as in GRU4Rec. */
    static Gru4RecWeights initial(int numItems, int embeddingSize, int hiddenSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shapes(numItems, embeddingSize, hiddenSize).entrySet()) {
            int[] shape = e.getValue();
            float[] a = new float[size(shape)];
            if (shape.length == 2) {
                double limit = Math.sqrt(6.0 / (shape[0] + shape[1]));
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) random.nextDouble(-limit, limit);
                }
            }
            arrays.put(e.getKey(), a);
        }
        return new Gru4RecWeights(numItems, embeddingSize, hiddenSize, arrays);
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    float[] array(String name) {
        return arrays.get(name);
    }

    /** The hidden state after feeding {@code items} in order, starting from zero. */
    float[] hiddenAfter(int[] items) {
        int h = hiddenSize;
        float[] state = new float[h];
        float[] z = new float[h];
        float[] r = new float[h];
        float[] n = new float[h];
        float[] resetState = new float[h];
        for (int item : items) {
            int x = item * embeddingSize;
            affine(embedding, x, embeddingSize, wxz, state, whz, bz, z);
            affine(embedding, x, embeddingSize, wxr, state, whr, br, r);
            for (int j = 0; j < h; j++) {
                z[j] = sigmoid(z[j]);
                resetState[j] = sigmoid(r[j]) * state[j];
            }
            affine(embedding, x, embeddingSize, wxn, resetState, whn, bn, n);
            for (int j = 0; j < h; j++) {
                state[j] = (1 - z[j]) * state[j] + z[j] * (float) Math.tanh(n[j]);
            }
        }
        return state;
    }

    /** {@code scores[i] = output[i] . hidden + bias[i]} for every item. */
    void scoreAll(float[] hidden, float[] scores) {
        for (int i = 0; i < numItems; i++) {
            scores[i] = score(hidden, i);
        }
    }

    /** One item's score for the hidden state. */
    float score(float[] hidden, int item) {
        float s = outputBias[item];
        int row = item * hiddenSize;
        for (int j = 0; j < hiddenSize; j++) {
            s += output[row + j] * hidden[j];
        }
        return s;
    }

    /** {@code out = x . wx + state . wh + b}, x being row {@code xOffset} of {@code xs}. */
    private void affine(float[] xs, int xOffset, int xSize, float[] wx, float[] state, float[] wh, float[] b,
                        float[] out) {
        int h = hiddenSize;
        System.arraycopy(b, 0, out, 0, h);
        for (int k = 0; k < xSize; k++) {
            float v = xs[xOffset + k];
            int row = k * h;
            for (int j = 0; j < h; j++) {
                out[j] += v * wx[row + j];
            }
        }
        for (int k = 0; k < h; k++) {
            float v = state[k];
            int row = k * h;
            for (int j = 0; j < h; j++) {
                out[j] += v * wh[row + j];
            }
        }
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    void write(ArtifactWriter out) throws IOException {
        for (Map.Entry<String, int[]> e : shapes(numItems, embeddingSize, hiddenSize).entrySet()) {
            out.putFloats(e.getKey(), arrays.get(e.getKey()), e.getValue());
        }
    }

    /** Reads the arrays; a file whose shape does not fit the sizes fails naming the file. */
    static Gru4RecWeights read(ArtifactReader in, int numItems, int embeddingSize, int hiddenSize)
            throws IOException {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shapes(numItems, embeddingSize, hiddenSize).entrySet()) {
            arrays.put(e.getKey(), in.floats(e.getKey(), e.getValue()));
        }
        return new Gru4RecWeights(numItems, embeddingSize, hiddenSize, arrays);
    }
}
