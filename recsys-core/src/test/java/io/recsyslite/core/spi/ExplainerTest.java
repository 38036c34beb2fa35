package io.recsyslite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.rank.ScoredItems;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    @Test
    void strongestKeepsTheLargestPositiveContributionsBestFirst() {
        int[] history = {2, 5, 7, 9, 11};
        float[] contributions = {0.5f, -1f, 2f, 0f, 1f};

        ScoredItems reasons = Explainer.strongest(history, contributions, 40, 2);

        assertThat(reasons.items()).containsExactly(7, 11);
        assertThat(reasons.scores()).containsExactly(2f, 1f);
        assertThat(Explainer.strongest(history, contributions, 40, 10).items()).containsExactly(7, 11, 2);
    }

    @Test
    void anItemIsNeverItsOwnReason() {
        ScoredItems reasons = Explainer.strongest(new int[] {3, 4}, new float[] {5f, 1f}, 3, 2);

        assertThat(reasons.items()).containsExactly(4);
    }

    @Test
    void rejectsANonPositiveCount() {
        assertThatThrownBy(() -> Explainer.strongest(new int[0], new float[0], 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
