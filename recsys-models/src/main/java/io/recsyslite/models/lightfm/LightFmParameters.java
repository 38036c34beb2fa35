package io.recsyslite.models.lightfm;

import io.recsyslite.core.data.CsrMatrix;

/**
 * The learned parameters: one embedding and bias per item feature, one embedding per user, and
 * the item x feature matrix that turns feature parameters into item representations. Arrays are
 * mutated only by {@link LightFmTrainer} while training; afterwards they are read-only.
 */
record LightFmParameters(int dim, float[] featureEmbeddings, float[] featureBiases, float[] userEmbeddings,
                         CsrMatrix itemFeatures) {

    /** Item representations, row-major {@code items x dim}: the weighted sum of their features. */
    float[] itemEmbeddings() {
        int items = itemFeatures.rows();
        float[] out = new float[items * dim];
        for (int i = 0; i < items; i++) {
            itemEmbedding(i, out, i * dim);
        }
        return out;
    }

    /** Item biases: the weighted sum of their feature biases. */
    float[] itemBiases() {
        float[] out = new float[itemFeatures.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = itemBias(i);
        }
        return out;
    }

    void itemEmbedding(int item, float[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + dim, 0f);
        for (int p = itemFeatures.start(item); p < itemFeatures.end(item); p++) {
            int f = itemFeatures.col(p) * dim;
            float w = itemFeatures.value(p);
            for (int d = 0; d < dim; d++) {
                out[offset + d] += w * featureEmbeddings[f + d];
            }
        }
    }

    float itemBias(int item) {
        float b = 0f;
        for (int p = itemFeatures.start(item); p < itemFeatures.end(item); p++) {
            b += itemFeatures.value(p) * featureBiases[itemFeatures.col(p)];
        }
        return b;
    }
}
