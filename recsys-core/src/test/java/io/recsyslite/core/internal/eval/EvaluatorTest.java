package io.recsyslite.core.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.error.UnknownNameException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Offset<Double> EPS = within(1e-9);
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_6 = Math.log(6) / Math.log(2);

    /**
     * Four users, ten items. User 0: relevant {4, 9} at ranks 3 and 5. User 1: relevant {0} at rank 1.
     * User 2: nothing held out (not evaluated). User 3: relevant {0} at rank 10.
     */
    private final CsrMatrix test = new CsrMatrix(4, 10, new int[] {0, 2, 3, 3, 4},
            new int[] {4, 9, 0, 0}, new float[] {1, 1, 1, 1});
    private final FixedRankingRecommender model = new FixedRankingRecommender(4, 10, Map.of(
            0, new int[] {3, 1, 4, 5, 9, 2, 6, 8, 7, 0},
            1, new int[] {0, 2, 4, 6, 8, 1, 3, 5, 7, 9},
            2, new int[] {7, 7, 7},
            3, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0}), recent -> new int[0]);

    private EvaluationReport evaluate(String... metrics) {
        return Evaluator.of(2, List.of(metrics)).evaluate(model, test);
    }

    @Test
    void hitRate() {
        EvaluationReport r = evaluate("hr@1", "hr@3", "hr@10");
        assertThat(r.usersEvaluated()).isEqualTo(3);
        assertThat(r.get("hr@1")).isCloseTo(1 / 3.0, EPS);
        assertThat(r.get("hr@3")).isCloseTo(2 / 3.0, EPS);
        assertThat(r.get("hr@10")).isCloseTo(1.0, EPS);
    }

    @Test
    void ndcgUsesLog2DiscountAndIdealOverMinOfKAndRelevant() {
        EvaluationReport r = evaluate("ndcg@3", "ndcg@5", "ndcg@1");
        double user0At3 = 0.5 / (1 + 1 / LOG2_3);
        double user0At5 = (0.5 + 1 / LOG2_6) / (1 + 1 / LOG2_3);
        assertThat(r.get("ndcg@3")).isCloseTo((user0At3 + 1 + 0) / 3, EPS);
        assertThat(r.get("ndcg@5")).isCloseTo((user0At5 + 1 + 0) / 3, EPS);
        assertThat(r.get("ndcg@1")).isCloseTo(1 / 3.0, EPS); // IDCG@1 for user 0 is 1, not 1 + 1/log2(3)
    }

    @Test
    void recallAndPrecision() {
        EvaluationReport r = evaluate("recall@3", "recall@5", "precision@3", "precision@5");
        assertThat(r.get("recall@3")).isCloseTo((0.5 + 1 + 0) / 3, EPS);
        assertThat(r.get("recall@5")).isCloseTo((1 + 1 + 0) / 3.0, EPS);
        assertThat(r.get("precision@3")).isCloseTo((1 / 3.0 + 1 / 3.0 + 0) / 3, EPS);
        assertThat(r.get("precision@5")).isCloseTo((2 / 5.0 + 1 / 5.0 + 0) / 3, EPS);
    }

    @Test
    void meanAveragePrecision() {
        EvaluationReport r = evaluate("map@3", "map@5");
        // user 0 at 3: precision 1/3 at rank 3, divided by min(3, 2) relevant
        assertThat(r.get("map@3")).isCloseTo(((1 / 3.0) / 2 + 1 + 0) / 3, EPS);
        assertThat(r.get("map@5")).isCloseTo(((1 / 3.0 + 2 / 5.0) / 2 + 1 + 0) / 3, EPS);
    }

    @Test
    void mrrFullRankingAndAtK() {
        EvaluationReport r = evaluate("mrr", "mrr@2", "mrr@3");
        assertThat(r.get("mrr")).isCloseTo((1 / 3.0 + 1 + 1 / 10.0) / 3, EPS);
        assertThat(r.get("mrr@2")).isCloseTo((0 + 1 + 0) / 3.0, EPS);
        assertThat(r.get("mrr@3")).isCloseTo((1 / 3.0 + 1 + 0) / 3, EPS);
        // full-ranking MRR asks for the whole catalogue
        assertThat(model.requests).allSatisfy(req -> assertThat(req.k()).isEqualTo(10));
    }

    @Test
    void coverageCountsDistinctItemsOfEvaluatedUsers() {
        EvaluationReport r = evaluate("coverage@3", "coverage@5");
        assertThat(r.get("coverage@3")).isCloseTo(5 / 10.0, EPS); // {0,1,2,3,4}; user 2's item 7 not counted
        assertThat(r.get("coverage@5")).isCloseTo(9 / 10.0, EPS); // all but 7
    }

    @Test
    void asksForMaxKWithSeenItemsExcluded() {
        evaluate("hr@3", "ndcg@5");
        assertThat(model.requests).hasSize(3).allSatisfy(req -> {
            assertThat(req.k()).isEqualTo(5);
            assertThat(req.excludeSeen()).isTrue();
        });
    }

    @Test
    void resultDoesNotDependOnThreads() {
        int users = 1000;
        Map<Integer, int[]> rankings = new HashMap<>();
        int[] indptr = new int[users + 1];
        int[] indices = new int[users];
        for (int u = 0; u < users; u++) {
            rankings.put(u, new int[] {u % 50, (u * 7) % 50, (u * 13 + 1) % 50});
            indptr[u + 1] = u + 1;
            indices[u] = (u * 7) % 50;
        }
        CsrMatrix many = new CsrMatrix(users, 50, indptr, indices, new float[users]);
        FixedRankingRecommender big = new FixedRankingRecommender(users, 50, rankings, recent -> new int[0]);
        List<String> metrics = List.of("ndcg@3", "map@3", "coverage@2");
        EvaluationReport one = Evaluator.of(1, metrics).evaluate(big, many);
        EvaluationReport four = Evaluator.of(4, metrics).evaluate(big, many);
        assertThat(four).isEqualTo(one);
        assertThat(one.usersEvaluated()).isEqualTo(users);
    }

    @Test
    void metricNamesParseAndUnknownOnesListTheValidForms() {
        assertThat(RankingMetric.parse(" NDCG@20 ")).isEqualTo(new RankingMetric(RankingMetric.Kind.NDCG, 20));
        assertThat(RankingMetric.parse("mrr").name()).isEqualTo("mrr");
        assertThat(RankingMetric.parse("coverage@20").perUser()).isFalse();
        for (String bad : List.of("ndcg", "ndgc@10", "hr@0", "hr@x", "auc")) {
            assertThatThrownBy(() -> RankingMetric.parse(bad)).isInstanceOf(UnknownNameException.class)
                    .hasMessageContaining(bad).hasMessageContaining("ndcg@K").hasMessageContaining("coverage@K");
        }
        assertThatThrownBy(() -> evaluate("hr@3").get("ndcg@3")).isInstanceOf(UnknownNameException.class);
    }

    @Test
    void reportIsImmutable() {
        EvaluationReport r = evaluate("hr@3");
        assertThatThrownBy(() -> r.values().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
