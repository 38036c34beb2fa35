package io.recsyslite.core.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void keepsTheBestInOrderAndBreaksTiesByLowerItem() {
        TopK top = new TopK(3);
        float[] scores = {0.5f, 0.9f, 0.1f, 0.9f, 0.7f, Float.NaN};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        ScoredItems r = top.drain();
        assertThat(r.items()).containsExactly(1, 3, 4);
        assertThat(r.scores()).containsExactly(0.9f, 0.9f, 0.7f);
    }

    @Test
    void matchesAFullSortOnRandomScores() {
        Random rnd = new Random(7);
        float[] scores = new float[5000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rnd.nextInt(1000) / 10f;
        }
        TopK top = new TopK(50);
        top.offerAll(scores, item -> item % 3 != 0);
        int[] expected = IntStream.range(0, scores.length).filter(i -> i % 3 != 0).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
                .limit(50).mapToInt(Integer::intValue).toArray();
        assertThat(top.drain().items()).containsExactly(expected);
    }

    @Test
    void mergeCombinesPartialHeaps() {
        TopK a = new TopK(2);
        TopK b = new TopK(2);
        a.offer(0, 1f);
        a.offer(1, 5f);
        b.offer(2, 3f);
        b.offer(3, 4f);
        a.merge(b);
        assertThat(a.drain().items()).containsExactly(1, 3);
    }

    @Test
    void filterInsideSelectionStillReturnsK() {
        float[] scores = new float[100];
        Arrays.fill(scores, 1f);
        scores[0] = 9f;
        TopK top = new TopK(10);
        top.offerAll(scores, ItemFilter.deny(0).and(i -> i >= 50));
        ScoredItems r = top.drain();
        assertThat(r.size()).isEqualTo(10);
        assertThat(java.util.Arrays.stream(r.items()).boxed()).allMatch(i -> i >= 50);
    }
}
