package io.recsyslite.models.item2vec;

import static io.recsyslite.models.testing.GeneratedData.clusterOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.testing.GeneratedData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Item2VecProviderTest {
    private static final int CLUSTERS = 4;
    private static final int ITEMS = 100;
    private static final int UNSEEN = 10;
    private static final TrainingData DATA = GeneratedData.clustered(200, ITEMS, CLUSTERS, 15, UNSEEN, 3);
    private static final Item2VecProvider PROVIDER = new Item2VecProvider();
    private static Recommender model;

    @BeforeAll
    static void train() {
        model = fit(Map.of("vector_size", 16, "epochs", 5, "window", 10, "history", "recent"), 1);
    }

    private static Recommender fit(Map<String, ?> params, int threads) {
        Params p = PROVIDER.paramSpace().resolve(params);
        return PROVIDER.fit(DATA, p, new TrainingContext(threads, 5L, null, null));
    }

    @Test
    void isDiscoveredByName() {
        assertThat(Algorithms.discover().get("item2vec")).isInstanceOf(Item2VecProvider.class);
    }

    @Test
    void similarItemsComeFromTheSameCluster() {
        int same = 0;
        int total = 0;
        for (int item = 0; item < ITEMS - UNSEEN; item++) {
            ScoredItems similar = model.similarItems(item, RecommendRequest.top(5));
            assertThat(similar.items()).doesNotContain(item);
            for (int r = 0; r < similar.size(); r++) {
                same += clusterOf(similar.item(r), CLUSTERS) == clusterOf(item, CLUSTERS) ? 1 : 0;
                total++;
            }
        }
        assertThat((double) same / total).isGreaterThan(0.9);
    }

    @Test
    void usersAndRecentItemsGetTheirCluster() {
        int same = 0;
        int total = 0;
        for (int u = 0; u < DATA.numUsers(); u++) {
            ScoredItems top = model.recommend(u, RecommendRequest.top(5));
            for (int r = 0; r < top.size(); r++) {
                same += clusterOf(top.item(r), CLUSTERS) == clusterOf(u, CLUSTERS) ? 1 : 0;
                total++;
            }
        }
        assertThat((double) same / total).isGreaterThan(0.9);
        ScoredItems forRecent = model.recommendFor(new int[] {2, 6, 10}, RecommendRequest.top(5));
        assertThat(forRecent.items()).doesNotContain(2, 6, 10);
        assertThat(Arrays.stream(forRecent.items()).filter(i -> clusterOf(i, CLUSTERS) == 2).count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void itemsNeverSeenRankBelowEveryItemWithAVector() {
        ScoredItems all = model.recommend(0, RecommendRequest.top(ITEMS).includingSeen());
        assertThat(all.size()).isEqualTo(ITEMS);
        for (int r = 0; r < ITEMS - UNSEEN; r++) {
            assertThat(all.item(r)).isLessThan(ITEMS - UNSEEN);
        }
        float[] vectors = ((EmbeddingModel) model).itemVectors();
        int dim = ((EmbeddingModel) model).dim();
        for (int d = 0; d < dim; d++) {
            assertThat(vectors[(ITEMS - 1) * dim + d]).isZero();
        }
    }

    @Test
    void foldInTreatsItemsNewSinceTrainingAsTheNewest() {
        int user = 4; // cluster 0
        int[] seen = DATA.interactions().userItems().rowIndices(user);
        int[] added = {1, 5, 9}; // cluster 1
        int[] grown = java.util.stream.IntStream.concat(Arrays.stream(seen), Arrays.stream(added)).sorted().toArray();
        float[] ones = new float[grown.length];
        Arrays.fill(ones, 1f);
        CsrMatrix rows = new CsrMatrix(2, ITEMS, new int[] {0, seen.length, seen.length + grown.length},
                java.util.stream.IntStream.concat(Arrays.stream(seen), Arrays.stream(grown)).toArray(),
                Arrays.copyOf(ones, seen.length + grown.length));
        EmbeddingModel folded = (EmbeddingModel) ((FoldIn) model).foldIn(List.of("u4", "u4-grown"), rows);

        // An unchanged history keeps the trained (recency-weighted) vector.
        assertThat(folded.userVector(user)).containsExactly(((EmbeddingModel) model).userVector(user));
        // "u4-grown" is new, so it gets the plain mean: 3 of 18 items from cluster 1 do not win.
        ScoredItems plain = folded.recommend(folded.users().indexOf("u4-grown"), RecommendRequest.top(5));
        assertThat(Arrays.stream(plain.items()).filter(i -> clusterOf(i, CLUSTERS) == 0).count()).isGreaterThanOrEqualTo(4);
        // The same growth for the known user: the 3 new items are the newest, so cluster 1 leads.
        CsrMatrix grownRow = new CsrMatrix(1, ITEMS, new int[] {0, grown.length}, grown, ones);
        Recommender updated = ((FoldIn) model).foldIn(List.of("u4"), grownRow);
        ScoredItems recent = updated.recommend(user, RecommendRequest.top(5));
        assertThat(Arrays.stream(recent.items()).filter(i -> clusterOf(i, CLUSTERS) == 1).count()).isGreaterThanOrEqualTo(4);
        assertThat(((EmbeddingModel) updated).itemVectors()).containsExactly(((EmbeddingModel) model).itemVectors());
    }

    @Test
    void excludesSeenAndAppliesFilters() {
        int[] seen = DATA.interactions().userItems().rowIndices(1);
        assertThat(model.recommend(1, RecommendRequest.top(10)).items()).doesNotContain(seen);
        ScoredItems odd = model.recommend(1, RecommendRequest.top(10).withFilter(i -> i % 2 == 1));
        assertThat(odd.size()).isEqualTo(10);
        assertThat(Arrays.stream(odd.items()).allMatch(i -> i % 2 == 1)).isTrue();
    }

    @Test
    void saveAndLoadGiveIdenticalScores(@TempDir Path dir) throws Exception {
        Recommender loaded = GeneratedData.roundTrip(model, dir);
        assertThat(loaded.params()).isEqualTo(model.params());
        for (int u = 0; u < 20; u++) {
            assertThat(loaded.recommend(u, RecommendRequest.top(ITEMS).includingSeen()).scores())
                    .containsExactly(model.recommend(u, RecommendRequest.top(ITEMS).includingSeen()).scores());
        }
        assertThat(loaded.recommendFor(new int[] {1, 2}, RecommendRequest.top(10)).scores())
                .containsExactly(model.recommendFor(new int[] {1, 2}, RecommendRequest.top(10)).scores());
    }

    @Test
    void oneWorkerWithAFixedSeedIsDeterministic() {
        Recommender again = fit(Map.of("vector_size", 16, "epochs", 5, "window", 10), 1);
        assertThat(((EmbeddingModel) again).itemVectors()).containsExactly(((EmbeddingModel) model).itemVectors());
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> fit(Map.of("vector_size", 0), 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("vector_size");
        assertThatThrownBy(() -> fit(Map.of("window", "wide"), 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> fit(Map.of("recency_decay", -1), 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("recency_decay");
    }
}
