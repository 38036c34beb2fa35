package io.recsyslite.models.item2vec;

import io.recsyslite.models.ModelContractTest;
import java.util.Map;

/** The shared model contract, fold-in included, for item2vec. */
class Item2VecContractTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "item2vec";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("vector_size", 16, "epochs", 10, "window", 10);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("vector_size", 0);
    }
}
