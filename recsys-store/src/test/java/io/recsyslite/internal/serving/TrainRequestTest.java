package io.recsyslite.internal.serving;

import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.TrainingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainRequestTest {
    private final Path out = Path.of("model_artifacts/als");

    @Test
    void startsFromTheDocumentedDefaultsAndEachWithChangesOneThing() {
        TrainRequest plain = TrainRequest.of("als", out);
        assertThat(plain.params()).isEmpty();
        assertThat(plain.testSize()).isZero();
        assertThat(plain.weighting()).isEqualTo(Trainer.DEFAULT_WEIGHTING);
        assertThat(plain.isAuto()).isFalse();

        TrainingContext context = TrainingContext.singleThreaded(3);
        TrainRequest changed = plain.withParams(Map.of("factors", 8)).withTestSize(0.2)
                .withWeighting(ConfidenceWeighting.binary()).withContext(context);
        assertThat(changed).isEqualTo(new TrainRequest("als", List.of(), null, Map.of("factors", 8), 0.2,
                ConfidenceWeighting.binary(), out, context));
    }

    @Test
    void badRequestsFailBeforeAnyWork() {
        assertThatThrownBy(() -> TrainRequest.of("als", out).withTestSize(1.0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("test size");
        assertThatThrownBy(() -> TrainRequest.auto(List.of(), Duration.ofMinutes(1), out))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("candidate");
        assertThatThrownBy(() -> OptimizeRequest.of("als", "ndcg@10", 0, out))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("1 trial");
        assertThat(OptimizeRequest.auto(List.of("popularity", "als"), Duration.ofMinutes(1), "ndcg@10", 5, out).isAuto())
                .isTrue();
    }
}
