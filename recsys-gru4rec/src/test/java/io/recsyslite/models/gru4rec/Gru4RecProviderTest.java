package io.recsyslite.models.gru4rec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Explainer;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.testing.GeneratedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Gru4RecProviderTest {
    private static final int ITEMS = 30;
    private static final TrainingData DATA = GeneratedData.chains(40, ITEMS, 6, 6, 7200, 9);
    private static final Map<Integer, Integer> NEXT = GeneratedData.chainSuccessors(DATA);
    private static final Gru4RecProvider PROVIDER = new Gru4RecProvider();
    private static Recommender model;

    @BeforeAll
    static void train() {
        model = fit(settings("cross_entropy", 20));
    }

    private static Map<String, Object> settings(String loss, int epochs) {
        return Map.of("hidden_size", 32, "embedding_size", 16, "epochs", epochs, "learning_rate", 0.1,
                "batch_size", 16, "n_sample", 16, "loss", loss);
    }

    private static Recommender fit(Map<String, ?> params) {
        Params p = PROVIDER.paramSpace().resolve(params);
        return PROVIDER.fit(DATA, p, new TrainingContext(1, 3L, null, null));
    }

    @Test
    void isDiscoveredByName() {
        assertThat(Algorithms.discover().get("gru4rec")).isInstanceOf(Gru4RecProvider.class);
    }

    @Test
    void learnsDeterministicChains() {
        assertThat(NEXT).hasSize(ITEMS);
        assertThat(hitsAt1(model)).isGreaterThanOrEqualTo(ITEMS * 9 / 10);
    }

    @Test
    void bprMaxLearnsTooWhileAnUntrainedModelDoesNot() {
        assertThat(hitsAt1(fit(settings("bpr_max", 20)))).isGreaterThanOrEqualTo(ITEMS * 9 / 10);
        assertThat(hitsAt1(fit(settings("cross_entropy", 0)))).isLessThan(ITEMS / 5);
    }

    /**
     * For sessions of three items along a chain, the recommended item is explained by session
     * items, and without the top reason it scores lower when the GRU reruns on the shorter session.
     */
    @Test
    void explanationsAreSessionItemsWhoseRemovalLowersTheScore() {
        Explainer explainer = (Explainer) model;
        int lowered = 0;
        for (int a = 0; a < ITEMS; a++) {
            int[] session = {a, NEXT.get(a), NEXT.get(NEXT.get(a))};
            int item = model.recommendFor(session, RecommendRequest.top(1)).item(0);
            ScoredItems reasons = explainer.explainFor(session, item, 2);
            assertThat(reasons.size()).isBetween(1, 2);
            assertThat(session).contains(reasons.items());
            assertThat(reasons.items()).doesNotContain(item);
            int top = reasons.item(0);
            int[] without = IntStream.of(session).filter(i -> i != top).toArray();
            lowered += scoreOf(without, item) < scoreOf(session, item) ? 1 : 0;
        }
        assertThat(lowered).isEqualTo(ITEMS);
        int user = 0;
        int item = model.recommend(user, RecommendRequest.top(1)).item(0);
        assertThat(DATA.interactions().userItems().rowIndices(user)).contains(explainer.explain(user, item, 3).items());
    }

    private static float scoreOf(int[] session, int item) {
        return model.recommendFor(session, new RecommendRequest(1, false, ItemFilter.of(i -> i == item))).score(0);
    }

    /** How many items' successor-of-successor comes first after the two-item session (a, next(a)). */
    private static int hitsAt1(Recommender m) {
        int right = 0;
        for (int a = 0; a < ITEMS; a++) {
            int b = NEXT.get(a);
            ScoredItems top = m.recommendFor(new int[] {a, b}, RecommendRequest.top(1));
            right += top.item(0) == NEXT.get(b) ? 1 : 0;
        }
        return right;
    }

    @Test
    void recommendContinuesTheUsersLatestSession() {
        int right = 0;
        for (int u = 0; u < DATA.numUsers(); u++) {
            int[] items = DATA.sequences().items(u);
            int last = items[items.length - 1];
            ScoredItems top = model.recommend(u, RecommendRequest.top(1).includingSeen());
            right += top.item(0) == NEXT.get(last) ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(DATA.numUsers() * 9 / 10);
    }

    @Test
    void similarItemsAndFilters() {
        ScoredItems similar = model.similarItems(3, RecommendRequest.top(5));
        assertThat(similar.size()).isEqualTo(5);
        assertThat(similar.items()).doesNotContain(3);
        ScoredItems even = model.recommendFor(new int[] {1, 2}, RecommendRequest.top(10).withFilter(i -> i % 2 == 0));
        assertThat(even.size()).isEqualTo(10);
        assertThat(java.util.Arrays.stream(even.items()).allMatch(i -> i % 2 == 0)).isTrue();
        assertThat(even.items()).doesNotContain(2);
        int[] seen = DATA.interactions().userItems().rowIndices(0);
        assertThat(model.recommend(0, RecommendRequest.top(3)).items()).doesNotContain(seen);
    }

    @Test
    void saveAndLoadGiveIdenticalScores(@TempDir Path dir) throws Exception {
        Recommender loaded = GeneratedData.roundTrip(model, dir);
        assertThat(loaded.params()).isEqualTo(model.params());
        for (int u = 0; u < 10; u++) {
            assertThat(loaded.recommend(u, RecommendRequest.top(ITEMS).includingSeen()).scores())
                    .containsExactly(model.recommend(u, RecommendRequest.top(ITEMS).includingSeen()).scores());
        }
        assertThat(loaded.similarItems(4, RecommendRequest.top(5)).scores())
                .containsExactly(model.similarItems(4, RecommendRequest.top(5)).scores());
    }

    @Test
    void loadingWeightsOfAnotherShapeFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model");
        ModelArtifacts.save(model, target, new Provenance(Map.of(), "test", 1L));
        Path manifest = target.resolve(ModelArtifacts.MANIFEST);
        String json = Files.readString(manifest);
        String changed = json.replaceFirst("\"hidden_size\"\\s*:\\s*32", "\"hidden_size\" : 31");
        assertThat(changed).isNotEqualTo(json);
        Files.writeString(manifest, changed);
        assertThatThrownBy(() -> ModelArtifacts.load(target, Algorithms.discover()))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining(".npy");
    }

    @Test
    void concurrentRecommendCallsAgreeWithSequentialOnes() throws Exception {
        List<ScoredItems> expected = new ArrayList<>();
        for (int a = 0; a < ITEMS; a++) {
            expected.add(model.recommendFor(new int[] {a, NEXT.get(a)}, RecommendRequest.top(5)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 2; round++) {
                        for (int a = 0; a < ITEMS; a++) {
                            ScoredItems got = model.recommendFor(new int[] {a, NEXT.get(a)}, RecommendRequest.top(5));
                            if (!java.util.Arrays.equals(got.scores(), expected.get(a).scores())
                                    || !java.util.Arrays.equals(got.items(), expected.get(a).items())) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> fit(Map.of("hidden_size", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hidden_size");
        assertThatThrownBy(() -> fit(Map.of("dropout", 1.0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("dropout");
        assertThatThrownBy(() -> fit(Map.of("loss", "bpr-max")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("loss");
        assertThatThrownBy(() -> fit(Map.of("learning_rate", 0.0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> fit(Map.of("optimizer", "sgd")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("optimizer");
        assertThatThrownBy(() -> fit(Map.of("n_sample", -1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("n_sample");
    }
}
