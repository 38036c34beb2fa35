package io.recsyslite.models.bpr;

import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.models.common.FactorModel;

/**
 * A trained BPR model: vectors are {@code factors + 1} wide (item bias in the last column, 1 in
 * the user's). New and anonymous users get a vector by a few SGD passes over their items with the
 * item factors fixed. Immutable and thread-safe.
 */
final class BprModel extends FactorModel {
    private final BprSgd sgd;
    private final int foldInEpochs;

    BprModel(Params params, ModelData data, int foldInEpochs, float[] userFactors, float[] itemFactors) {
        super(BprProvider.NAME, params, data, params.getInt(BprProvider.FACTORS) + 1, userFactors, itemFactors);
        this.sgd = BprProvider.sgd(params);
        this.foldInEpochs = foldInEpochs;
    }

    @Override
    protected float[] solveUser(int[] items, float[] values) {
        return sgd.foldIn(items, itemFactors, foldInEpochs);
    }

    @Override
    protected FactorModel withUsers(ModelData newData, float[] newUserFactors) {
        return new BprModel(params(), newData, foldInEpochs, newUserFactors, itemFactors);
    }
}
