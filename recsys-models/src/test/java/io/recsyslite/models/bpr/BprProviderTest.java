package io.recsyslite.models.bpr;

import io.recsyslite.models.ModelContractTest;
import java.util.Map;

class BprProviderTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "bpr";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("factors", 16, "epochs", 40, "learning_rate", 0.05);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("learning_rate", -0.1);
    }
}
