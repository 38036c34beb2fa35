package io.recsyslite.models.lightfm;

import io.recsyslite.models.ModelContractTest;
import java.util.Map;

/** The shared model contract, fold-in included, for lightfm. */
class LightFmContractTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "lightfm";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("no_components", 16, "epochs", 20);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("no_components", 0);
    }
}
