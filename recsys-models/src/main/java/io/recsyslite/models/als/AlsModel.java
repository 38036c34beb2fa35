package io.recsyslite.models.als;

import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.models.common.FactorModel;
import io.recsyslite.models.common.FloatKernels;
import io.recsyslite.models.common.WorkerPool;

/**
 * A trained implicit-ALS model. Users outside the training data (fold-in, anonymous queries) get
 * the exact least-squares vector against the fixed item factors. Explanations split a score into
 * the terms of the user's items as in Hu, Koren & Volinsky (2008, section 5), see
 * {@link AlsSolver#contributions}. Immutable and thread-safe.
 */
final class AlsModel extends FactorModel {
    private final AlsSolver itemSide;

    AlsModel(Params params, ModelData data, int dim, float[] userFactors, float[] itemFactors) {
        this(params, data, dim, userFactors, itemFactors, itemSolver(params, dim, itemFactors));
    }

    /** Shares the item-side solver (its Gram matrix of the fixed item factors), e.g. after a fold-in. */
    private AlsModel(Params params, ModelData data, int dim, float[] userFactors, float[] itemFactors,
                     AlsSolver itemSide) {
        super(AlsProvider.NAME, params, data, dim, userFactors, itemFactors);
        this.itemSide = itemSide;
    }

    private static AlsSolver itemSolver(Params params, int dim, float[] itemFactors) {
        try (WorkerPool inline = new WorkerPool(1, AlsProvider.NAME)) {
            return new AlsSolver(itemFactors, dim, params.getDouble(AlsProvider.REGULARIZATION),
                    params.getDouble(AlsProvider.ALPHA), inline, FloatKernels.best());
        }
    }

    @Override
    protected float[] solveUser(int[] items, float[] values) {
        float[] x = new float[dim];
        itemSide.exact(items, values, x, 0, itemSide.workspace());
        return x;
    }

    @Override
    protected void contributions(int[] history, float[] confidences, int item, float[] out) {
        itemSide.contributions(history, confidences, item, out, itemSide.workspace());
    }

    @Override
    protected FactorModel withUsers(ModelData newData, float[] newUserFactors) {
        return new AlsModel(params(), newData, dim, newUserFactors, itemFactors, itemSide);
    }
}
