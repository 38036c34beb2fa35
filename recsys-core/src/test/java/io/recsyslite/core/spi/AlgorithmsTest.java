package io.recsyslite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.UnknownNameException;
import io.recsyslite.core.index.ExactItemIndexProvider;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.testing.ConstantScoresProvider;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {
    @Test
    void serviceLoaderFindsRegisteredProviders() {
        Algorithms algorithms = Algorithms.discover();
        assertThat(algorithms.names()).contains(ConstantScoresProvider.NAME);
        assertThat(algorithms.get(ConstantScoresProvider.NAME)).isInstanceOf(ConstantScoresProvider.class);
    }

    @Test
    void unknownAlgorithmListsKnownNames() {
        assertThatThrownBy(() -> Algorithms.discover().get("magic"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("Unknown algorithm 'magic'; available: " + String.join(", ", Algorithms.discover().names()));
    }

    @Test
    void indexProvidersAreDiscoveredToo() {
        ItemIndexes indexes = ItemIndexes.discover();
        assertThat(indexes.get("exact")).isInstanceOf(ExactItemIndexProvider.class);
        assertThatThrownBy(() -> indexes.get("annoy"))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("Unknown index type 'annoy'; available: exact");
    }
}
