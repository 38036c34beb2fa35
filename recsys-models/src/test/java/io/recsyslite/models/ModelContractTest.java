package io.recsyslite.models;

import static io.recsyslite.models.PlantedData.ITEMS_PER_CLUSTER;
import static io.recsyslite.models.PlantedData.clusterOfItem;
import static io.recsyslite.models.PlantedData.clusterOfUser;
import static io.recsyslite.models.PlantedData.clusters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.Explainer;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What every model must do, checked on planted-cluster data; one subclass per algorithm. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelContractTest {
    protected TrainingData data;
    protected Recommender model;

    /** The algorithm's registered name. */
    protected abstract String algorithm();

    /** Parameters that train quickly on the planted data. */
    protected abstract Map<String, Object> params();

    /** A parameter value the provider must reject, and the parameter's name. */
    protected abstract Map<String, Object> invalidParams();

    protected RecommenderProvider provider() {
        return Algorithms.discover().get(algorithm());
    }

    protected Recommender fit(TrainingData d, Map<String, Object> p, TrainingContext context) {
        RecommenderProvider provider = provider();
        return provider.fit(d, provider.paramSpace().resolve(p), context);
    }

    @BeforeAll
    void train() {
        data = PlantedData.build(7);
        model = fit(data, params(), TrainingContext.singleThreaded(42));
    }

    @Test
    void ranksUnseenClusterItemsFirst() {
        int good = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            int unseen = ITEMS_PER_CLUSTER - data.interactions().userItems().rowLength(u);
            ScoredItems top = model.recommend(u, RecommendRequest.top(Math.max(1, Math.min(3, unseen))));
            int c = clusterOfUser(u);
            if (Arrays.equals(clusters(top.items()), new int[] {c})) {
                good++;
            }
        }
        assertThat(good).isGreaterThanOrEqualTo((int) (0.9 * data.numUsers()));
    }

    @Test
    void excludesSeenItemsUnlessAskedNotTo() {
        CsrMatrix seen = data.interactions().userItems();
        for (int u = 0; u < 20; u++) {
            ScoredItems top = model.recommend(u, RecommendRequest.top(10));
            for (int i : top.items()) {
                assertThat(seen.contains(u, i)).isFalse();
            }
        }
        ScoredItems all = model.recommend(0, RecommendRequest.top(PlantedData.ITEMS).includingSeen());
        assertThat(all.size()).isEqualTo(PlantedData.ITEMS);
    }

    @Test
    void filterIsAppliedInsideTopK() {
        ItemFilter odd = i -> i % 2 == 1;
        for (int u = 0; u < 10; u++) {
            ScoredItems top = model.recommend(u, RecommendRequest.top(15).withFilter(odd));
            assertThat(top.size()).isEqualTo(15);
            assertThat(IntStream.of(top.items()).allMatch(i -> i % 2 == 1)).isTrue();
        }
    }

    @Test
    void recommendsForRecentItemsOfACluster() {
        int cluster = 2;
        int[] recent = {cluster * ITEMS_PER_CLUSTER, cluster * ITEMS_PER_CLUSTER + 3, cluster * ITEMS_PER_CLUSTER + 5};
        ScoredItems top = model.recommendFor(recent, RecommendRequest.top(4));
        assertThat(clusters(top.items())).containsExactly(cluster);
        assertThat(top.items()).doesNotContain(recent);
    }

    @Test
    void similarItemsComeFromTheSameCluster() {
        for (int item = 0; item < PlantedData.ITEMS; item += 5) {
            int c = clusterOfItem(item);
            ScoredItems top = model.similarItems(item, RecommendRequest.top(3));
            assertThat(top.items()).doesNotContain(item);
            assertThat(clusters(top.items())).containsExactly(c);
        }
    }

    @Test
    void saveAndLoadGiveIdenticalScores(@TempDir Path dir) throws Exception {
        ModelArtifacts.save(model, dir.resolve("m"), Provenance.none());
        Recommender loaded = ModelArtifacts.load(dir.resolve("m"), Algorithms.discover()).model();
        assertThat(loaded.params()).isEqualTo(model.params());
        assertSameResults(loaded, model);
    }

    @Test
    void singleThreadedTrainingIsDeterministic() {
        Recommender again = fit(data, params(), TrainingContext.singleThreaded(42));
        assertSameResults(again, model);
    }

    @Test
    void multiThreadedTrainingLearnsToo() {
        Recommender parallel = fit(data, params(), TrainingContext.singleThreaded(42).withThreads(2));
        int c = clusterOfUser(5);
        assertThat(clusters(parallel.recommend(5, RecommendRequest.top(2)).items())).containsExactly(c);
    }

    @Test
    void rejectsInvalidParameters() {
        Map<String, Object> bad = invalidParams();
        String name = bad.keySet().iterator().next();
        assertThatThrownBy(() -> fit(data, bad, TrainingContext.singleThreaded(1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(name);
    }

    @Test
    void aUserFoldedInAloneIsAnsweredAsInTheWholeModel() {
        assumeTrue(model instanceof FoldIn, algorithm() + " has no fold-in");
        FoldIn foldIn = (FoldIn) model;
        int[] cols = {ITEMS_PER_CLUSTER, ITEMS_PER_CLUSTER + 1, ITEMS_PER_CLUSTER + 2, 2 * ITEMS_PER_CLUSTER + 4};
        float[] values = {1f, 2f, 1f, 3f};
        CsrMatrix row = new CsrMatrix(1, PlantedData.ITEMS, new int[] {0, cols.length}, cols, values);

        Recommender whole = foldIn.foldIn(List.of("u0"), row);
        Recommender alone = foldIn.foldInAlone("u0", row);

        assertThat(alone.users().size()).isBetween(1, whole.users().size());
        ScoredItems expected = whole.recommend(whole.users().indexOf("u0"), RecommendRequest.top(10));
        ScoredItems actual = alone.recommend(alone.users().indexOf("u0"), RecommendRequest.top(10));
        assertThat(actual.items()).containsExactly(expected.items());
        assertThat(actual.scores()).containsExactly(expected.scores());
    }

    @Test
    void foldInChangesOnlyTheFoldedUsers() {
        assumeTrue(model instanceof FoldIn && model instanceof EmbeddingModel,
                algorithm() + " has no embedding fold-in");
        FoldIn foldIn = (FoldIn) model;
        EmbeddingModel before = (EmbeddingModel) model;
        // user 0 now likes cluster 1; a new user likes cluster 3.
        int[] cols0 = {ITEMS_PER_CLUSTER, ITEMS_PER_CLUSTER + 1, ITEMS_PER_CLUSTER + 2, ITEMS_PER_CLUSTER + 4};
        int[] colsNew = {3 * ITEMS_PER_CLUSTER + 1, 3 * ITEMS_PER_CLUSTER + 2, 3 * ITEMS_PER_CLUSTER + 6};
        int[] indices = new int[cols0.length + colsNew.length];
        System.arraycopy(cols0, 0, indices, 0, cols0.length);
        System.arraycopy(colsNew, 0, indices, cols0.length, colsNew.length);
        float[] values = new float[indices.length];
        Arrays.fill(values, 1f);
        CsrMatrix rows = new CsrMatrix(2, PlantedData.ITEMS, new int[] {0, cols0.length, indices.length}, indices, values);
        float[] user0Before = before.userVector(0);

        EmbeddingModel after = (EmbeddingModel) foldIn.foldIn(List.of("u0", "new-user"), rows);

        assertThat(before.userVector(0)).isEqualTo(user0Before);
        assertThat(after.users().size()).isEqualTo(data.numUsers() + 1);
        assertThat(after.itemVectors()).isEqualTo(before.itemVectors());
        for (int u = 1; u < data.numUsers(); u++) {
            assertThat(after.userVector(u)).isEqualTo(before.userVector(u));
        }
        assertThat(after.userVector(0)).isNotEqualTo(user0Before);
        assertThat(clusters(after.recommend(0, RecommendRequest.top(3)).items())).containsExactly(1);
        int newUser = after.users().indexOf("new-user");
        ScoredItems forNew = after.recommend(newUser, RecommendRequest.top(3));
        assertThat(clusters(forNew.items())).containsExactly(3);
        assertThat(forNew.items()).doesNotContain(colsNew);
    }

    @Test
    void explanationsNameItemsOfTheUsersHistoryStrongestFirst() {
        Explainer explainer = explainer();
        CsrMatrix seen = data.interactions().userItems();
        int explained = 0;
        int asked = 0;
        for (int u = 0; u < data.numUsers(); u += 5) {
            ScoredItems top = model.recommend(u, RecommendRequest.top(3));
            for (int r = 0; r < top.size(); r++, asked++) {
                ScoredItems reasons = explainer.explain(u, top.item(r), 3);
                assertThat(reasons.size()).isLessThanOrEqualTo(3);
                for (int k = 0; k < reasons.size(); k++) {
                    assertThat(seen.contains(u, reasons.item(k))).as("reason %d of user %d", reasons.item(k), u).isTrue();
                    assertThat(reasons.score(k)).isPositive();
                    if (k > 0) {
                        assertThat(reasons.score(k)).isLessThanOrEqualTo(reasons.score(k - 1));
                    }
                }
                // an item outside the user's cluster may owe its place to no item of theirs
                explained += reasons.size() > 0 || clusterOfItem(top.item(r)) != clusterOfUser(u) ? 1 : 0;
            }
        }
        assertThat(explained).isEqualTo(asked);
        int[] recent = {ITEMS_PER_CLUSTER + 5, ITEMS_PER_CLUSTER + 1, ITEMS_PER_CLUSTER + 3};
        int item = model.recommendFor(recent, RecommendRequest.top(1)).item(0);
        int[] recentReasons = explainer.explainFor(recent, item, 2).items();
        assertThat(recentReasons).hasSize(2).doesNotHaveDuplicates();
        assertThat(recent).contains(recentReasons);
    }

    /**
     * Removing the strongest reason from the history (and recomputing the user by fold-in, or the
     * recent-items query) lowers the explained item's score. Where a score is a sum of the
     * explained terms (item-kNN, EASE, ALS) that always holds; for nearest items by cosine it may
     * not when the history's items are all about equally near, so 90% of the cases must hold.
     */
    @Test
    void removingTheTopReasonLowersTheItemsScore() {
        Explainer explainer = explainer();
        CsrMatrix seen = data.interactions().userItems();
        int checked = 0;
        int lowered = 0;
        for (int u = 0; u < data.numUsers(); u += 4) {
            int item = model.recommend(u, RecommendRequest.top(1)).item(0);
            int reason = explainer.explain(u, item, 1).item(0);
            int[] history = seen.rowIndices(u);
            int[] without = IntStream.of(history).filter(i -> i != reason).toArray();
            if (model instanceof FoldIn foldIn) { // the user's history, recomputed as a new user's
                float full = newUserScore(foldIn.foldIn(List.of("again"), row(history)), item);
                float less = newUserScore(foldIn.foldIn(List.of("again"), row(without)), item);
                lowered += less < full ? 1 : 0;
                checked++;
            }
            int recentReason = explainer.explainFor(history, item, 1).item(0);
            int[] recentWithout = IntStream.of(history).filter(i -> i != recentReason).toArray();
            lowered += recentScoreOf(recentWithout, item) < recentScoreOf(history, item) ? 1 : 0;
            checked++;
        }
        assertThat(lowered).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * checked));
    }

    private Explainer explainer() {
        assumeTrue(model instanceof Explainer, algorithm() + " does not explain");
        return (Explainer) model;
    }

    private static float newUserScore(Recommender m, int item) {
        int user = m.users().indexOf("again");
        return m.recommend(user, new RecommendRequest(1, false, ItemFilter.of(i -> i == item))).score(0);
    }

    private float recentScoreOf(int[] recent, int item) {
        return model.recommendFor(recent, new RecommendRequest(1, false, ItemFilter.of(i -> i == item))).score(0);
    }

    private static CsrMatrix row(int[] items) {
        float[] ones = new float[items.length];
        Arrays.fill(ones, 1f);
        return new CsrMatrix(1, PlantedData.ITEMS, new int[] {0, items.length}, items, ones);
    }

    protected static void assertSameResults(Recommender actual, Recommender expected) {
        RecommendRequest all = RecommendRequest.top(PlantedData.ITEMS).includingSeen();
        for (int u = 0; u < expected.users().size(); u += 7) {
            assertSame(actual.recommend(u, all), expected.recommend(u, all));
        }
        int[] recent = {1, 2, 30};
        assertSame(actual.recommendFor(recent, all), expected.recommendFor(recent, all));
        for (int i = 0; i < PlantedData.ITEMS; i += 11) {
            assertSame(actual.similarItems(i, all), expected.similarItems(i, all));
        }
    }

    /**
     * Every item's score within {@code tolerance} of the other model's, for the same users, recent
     * items and similar-item queries as {@link #assertSameResults} (order may differ on near ties).
     */
    protected static void assertCloseResults(Recommender actual, Recommender expected, double tolerance) {
        RecommendRequest all = RecommendRequest.top(PlantedData.ITEMS).includingSeen();
        for (int u = 0; u < expected.users().size(); u += 7) {
            assertClose(actual.recommend(u, all), expected.recommend(u, all), tolerance);
        }
        int[] recent = {1, 2, 30};
        assertClose(actual.recommendFor(recent, all), expected.recommendFor(recent, all), tolerance);
        for (int i = 0; i < PlantedData.ITEMS; i += 11) {
            assertClose(actual.similarItems(i, all), expected.similarItems(i, all), tolerance);
        }
    }

    private static void assertClose(ScoredItems actual, ScoredItems expected, double tolerance) {
        assertThat(actual.items()).containsExactlyInAnyOrder(expected.items());
        float[] byItem = new float[PlantedData.ITEMS];
        for (int k = 0; k < actual.items().length; k++) {
            byItem[actual.items()[k]] = actual.scores()[k];
        }
        for (int k = 0; k < expected.items().length; k++) {
            assertThat((double) byItem[expected.items()[k]]).as("item %d", expected.items()[k])
                    .isCloseTo(expected.scores()[k], within(tolerance));
        }
    }

    private static void assertSame(ScoredItems actual, ScoredItems expected) {
        assertThat(actual.items()).isEqualTo(expected.items());
        assertThat(actual.scores()).isEqualTo(expected.scores());
    }
}
