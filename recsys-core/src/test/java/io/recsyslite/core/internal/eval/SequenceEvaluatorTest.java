package io.recsyslite.core.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.data.Sequences;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceEvaluatorTest {
    @Test
    void predictsEachUsersLastItemFromTheEarlierOnes() {
        // user 0: [0,1,2]; user 1: [5,3]; user 2: [4,4,7]; user 3: [6] (too short, skipped)
        Sequences seq = new Sequences(new int[] {0, 3, 5, 8, 9}, new int[] {0, 1, 2, 5, 3, 4, 4, 7, 6},
                new long[9], new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
        // ranks the items following the newest one: after 1 -> 2,3,4; after 5 -> 6,7,8; after 4 -> 5,6,7
        FixedRankingRecommender model = new FixedRankingRecommender(4, 10, Map.of(), recent -> {
            int last = recent[recent.length - 1];
            return new int[] {(last + 1) % 10, (last + 2) % 10, (last + 3) % 10, (last + 4) % 10};
        });
        EvaluationReport r = new SequenceEvaluator(2, 3).evaluate(model, seq);
        assertThat(r.usersEvaluated()).isEqualTo(3);
        assertThat(r.get("recall@3")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(r.get("mrr@3")).isCloseTo((1 + 0 + 1 / 3.0) / 3, within(1e-9));
        assertThat(model.requests).allSatisfy(req -> {
            assertThat(req.excludeSeen()).isFalse();
            assertThat(req.k()).isEqualTo(3);
        });
    }
}
