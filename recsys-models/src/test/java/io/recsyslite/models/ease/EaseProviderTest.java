package io.recsyslite.models.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.ModelContractTest;
import io.recsyslite.models.PlantedData;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

class EaseProviderTest extends ModelContractTest {
    @Override
    protected String algorithm() {
        return "ease";
    }

    @Override
    protected Map<String, Object> params() {
        return Map.of("lambda", 10);
    }

    @Override
    protected Map<String, Object> invalidParams() {
        return Map.of("lambda", 0);
    }

    @Test
    void refusesCataloguesAboveMaxItems() {
        assertThatThrownBy(() -> fit(data, Map.of("max_items", PlantedData.ITEMS - 1), TrainingContext.singleThreaded(1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("max_items")
                .hasMessageContaining(PlantedData.ITEMS + " x " + PlantedData.ITEMS);
    }

    @Test
    @DisabledIfSystemProperty(named = "recsyslite.test.nativeHidden", matches = "true",
            disabledReason = "native LAPACK is hidden in this run")
    void nativeLapackIsUsedHereAndOjAlgoOnlyWhenAskedOrMissing() {
        assertThat(SpdInverse.best()).isInstanceOf(LapackInverse.class);
        assertThat(SpdInverseChoice.choose("java")).isInstanceOf(OjAlgoInverse.class);
    }

    @Test
    void theJavaFallbackTrainsTheSameModelAsNativeLapack() {
        EaseProvider plain = new EaseProvider(OjAlgoInverse::new);
        Recommender javaModel = plain.fit(data, plain.paramSpace().resolve(params()), TrainingContext.singleThreaded(1));
        assertCloseResults(javaModel, model, 1e-4);
    }
}
