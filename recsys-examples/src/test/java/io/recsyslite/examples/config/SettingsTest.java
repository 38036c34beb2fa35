package io.recsyslite.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void trainWritesEachAlgorithmToItsOwnDirectoryUnlessModelDirIsSet() {
        Settings defaults = Settings.from(Map.of());
        assertThat(defaults.modelDirFor("item2vec")).isEqualTo(Path.of("model_artifacts", "item2vec"));
        assertThat(defaults.modelDir()).isEqualTo(Path.of("model_artifacts", "als"));

        Settings set = Settings.from(Map.of("MODEL_DIR", "model_artifacts/als"));
        assertThat(set.modelDirFor("item2vec")).isEqualTo(Path.of("model_artifacts", "als"));
    }

    @Test
    void aMalformedNumberNamesTheVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("THREADS", "two")))
                .hasMessageContaining("THREADS");
    }
}
