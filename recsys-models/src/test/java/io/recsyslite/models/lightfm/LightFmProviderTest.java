package io.recsyslite.models.lightfm;

import static io.recsyslite.models.testing.GeneratedData.clusterOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.ItemFilter;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightFmProviderTest {
    private static final int CLUSTERS = 4;
    private static final int ITEMS = 120;
    private static final int COLD = 20;
    private static final TrainingData DATA = GeneratedData.clustered(200, ITEMS, CLUSTERS, 12, COLD, 7);

    private final LightFmProvider provider = new LightFmProvider();

    private Recommender fit(Map<String, ?> params, int threads) {
        Params p = provider.paramSpace().resolve(params);
        return provider.fit(DATA, p, new TrainingContext(threads, 11L, null, null));
    }

    private Recommender fit(Map<String, ?> params) {
        return fit(params, 2);
    }

    @Test
    void isDiscoveredByName() {
        assertThat(Algorithms.discover().get("lightfm")).isInstanceOf(LightFmProvider.class);
    }

    @Test
    void learnsPlantedClustersWithWarpAndBpr() {
        for (String loss : new String[] {"warp", "bpr"}) {
            Recommender model = fit(Map.of("loss", loss, "no_components", 16, "epochs", 20));
            assertThat(sameClusterShare(model)).as(loss).isGreaterThan(0.9);
        }
    }

    @Test
    void coldItemsAppearInRecommendationsAndSimilarItems() {
        Recommender model = fit(Map.of("no_components", 16, "epochs", 20));
        ItemFilter onlyCold = item -> item >= ITEMS - COLD;
        int right = 0;
        for (int u = 0; u < 40; u++) {
            ScoredItems top = model.recommend(u, RecommendRequest.top(3).withFilter(onlyCold));
            assertThat(top.size()).isEqualTo(3);
            for (int r = 0; r < top.size(); r++) {
                right += clusterOf(top.item(r), CLUSTERS) == clusterOf(u, CLUSTERS) ? 1 : 0;
            }
        }
        assertThat(right).isGreaterThan(40 * 3 * 9 / 10);
        // A cold item's nearest neighbours are the other items of its category.
        int cold = ITEMS - 1;
        ScoredItems similar = model.similarItems(cold, RecommendRequest.top(5));
        for (int r = 0; r < similar.size(); r++) {
            assertThat(clusterOf(similar.item(r), CLUSTERS)).isEqualTo(clusterOf(cold, CLUSTERS));
        }
        // Warm items find cold items of their category too.
        ScoredItems fromWarm = model.similarItems(0, RecommendRequest.top(5).withFilter(onlyCold));
        assertThat(clusterOf(fromWarm.item(0), CLUSTERS)).isEqualTo(0);
    }

    @Test
    void recommendForRecentItemsFollowsTheirCluster() {
        Recommender model = fit(Map.of("no_components", 16, "epochs", 20));
        ScoredItems top = model.recommendFor(new int[] {1, 5, 9}, RecommendRequest.top(5));
        assertThat(top.items()).doesNotContain(1, 5, 9);
        for (int r = 0; r < top.size(); r++) {
            assertThat(clusterOf(top.item(r), CLUSTERS)).isEqualTo(1);
        }
    }

    @Test
    void excludesSeenAndAppliesFiltersInsideTopK() {
        Recommender model = fit(Map.of("no_components", 8, "epochs", 5));
        int[] seen = DATA.interactions().userItems().rowIndices(3);
        ScoredItems top = model.recommend(3, RecommendRequest.top(10));
        assertThat(top.items()).doesNotContain(seen);
        ScoredItems withSeen = model.recommend(3, RecommendRequest.top(ITEMS).includingSeen());
        assertThat(withSeen.size()).isEqualTo(ITEMS);
        ScoredItems even = model.recommend(3, RecommendRequest.top(10).withFilter(item -> item % 2 == 0));
        assertThat(even.size()).isEqualTo(10);
        assertThat(Arrays.stream(even.items()).allMatch(i -> i % 2 == 0)).isTrue();
    }

    @Test
    void embeddingVectorsReproduceTheScores() {
        EmbeddingModel model = (EmbeddingModel) fit(Map.of("no_components", 8, "epochs", 3));
        float[] vectors = model.itemVectors();
        float[] user = model.userVector(5);
        ScoredItems top = model.recommend(5, RecommendRequest.top(1).includingSeen());
        float dot = 0;
        for (int d = 0; d < model.dim(); d++) {
            dot += vectors[top.item(0) * model.dim() + d] * user[d];
        }
        assertThat(dot).isCloseTo(top.score(0), org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void saveAndLoadGiveIdenticalScores(@TempDir Path dir) throws Exception {
        Recommender model = fit(Map.of("no_components", 8, "epochs", 3));
        Recommender loaded = GeneratedData.roundTrip(model, dir);
        assertThat(loaded.params()).isEqualTo(model.params());
        for (int u = 0; u < 20; u++) {
            ScoredItems a = model.recommend(u, RecommendRequest.top(ITEMS).includingSeen());
            ScoredItems b = loaded.recommend(u, RecommendRequest.top(ITEMS).includingSeen());
            assertThat(b.items()).containsExactly(a.items());
            assertThat(b.scores()).containsExactly(a.scores());
        }
        assertThat(loaded.similarItems(ITEMS - 1, RecommendRequest.top(10)).scores())
                .containsExactly(model.similarItems(ITEMS - 1, RecommendRequest.top(10)).scores());
    }

    @Test
    void foldInOfAnEmptyHistoryRanksByItemBiasAlone() {
        Recommender model = fit(Map.of("no_components", 8, "epochs", 3));
        CsrMatrix empty = new CsrMatrix(1, ITEMS, new int[] {0, 0}, new int[0], new float[0]);
        EmbeddingModel folded = (EmbeddingModel) ((FoldIn) model).foldIn(List.of("nobody-yet"), empty);
        float[] user = folded.userVector(folded.users().indexOf("nobody-yet"));
        for (int d = 0; d < user.length - 1; d++) {
            assertThat(user[d]).isZero();
        }
        assertThat(folded.recommend(folded.users().indexOf("nobody-yet"), RecommendRequest.top(5)).size()).isEqualTo(5);
    }

    @Test
    void singleThreadedTrainingIsDeterministic() {
        Recommender a = fit(Map.of("no_components", 8, "epochs", 2), 1);
        Recommender b = fit(Map.of("no_components", 8, "epochs", 2), 1);
        assertThat(b.recommend(0, RecommendRequest.top(20)).scores())
                .containsExactly(a.recommend(0, RecommendRequest.top(20)).scores());
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> fit(Map.of("no_components", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no_components");
        assertThatThrownBy(() -> fit(Map.of("loss", "hinge")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("loss");
        assertThatThrownBy(() -> fit(Map.of("learning_rate", -0.1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("learning_rate");
    }

    /** Share of users' top-10 items that come from the user's own cluster. */
    private static double sameClusterShare(Recommender model) {
        int same = 0;
        int total = 0;
        for (int u = 0; u < DATA.numUsers(); u++) {
            ScoredItems top = model.recommend(u, RecommendRequest.top(10));
            for (int r = 0; r < top.size(); r++) {
                same += clusterOf(top.item(r), CLUSTERS) == clusterOf(u, CLUSTERS) ? 1 : 0;
                total++;
            }
        }
        return (double) same / total;
    }
}
