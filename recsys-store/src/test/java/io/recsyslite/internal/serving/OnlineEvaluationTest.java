package io.recsyslite.internal.serving;

import io.recsyslite.LiveEvent;
import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.ServedRecommendation;
import io.recsyslite.internal.store.UserEvent;
import io.recsyslite.core.testing.ConstantScoresProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attribution, feedback, conversions, online metrics and A/B serving through a RecSysEngine. */
class OnlineEvaluationTest {
    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path tmp;
    private Path db;
    private Path modelDir;
    private RecSysEngine recSys;

    @BeforeEach
    void trainAndOpen() throws IOException {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(2000).withItems(200).withSeed(5)).writeTo(data);
        db = tmp.resolve("recsys.db");
        modelDir = tmp.resolve("model");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of(ConstantScoresProvider.NAME, modelDir)
                    .withContext(TrainingContext.singleThreaded(1)));
        }
        recSys = RecSysEngine.open(config(), modelDir);
    }

    private RecSysConfig config() {
        return RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO).withJournalFlushInterval(Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        recSys.close();
    }

    @Test
    void everyAnswerCarriesItsOwnIdAndVariantAndWhatWasServedIsStored() {
        Recommendations first = recSys.recommend("user_1", 3, RecommendOptions.defaults());
        Recommendations again = recSys.recommend("user_1", 3, RecommendOptions.defaults()); // from the cache
        Recommendations similar = recSys.similarItems("item_3", 2, RecommendOptions.defaults());

        assertThat(first.recommendationId()).isNotBlank();
        assertThat(again.recommendationId()).isNotBlank().isNotEqualTo(first.recommendationId());
        assertThat(similar.recommendationId()).isNotBlank().isNotEqualTo(again.recommendationId());
        assertThat(List.of(first.variant(), again.variant(), similar.variant())).containsOnly(TrafficSplit.DEFAULT);

        OnlineStats stats = recSys.onlineStats(30, DAY, 0.95); // writes the buffered answers first
        assertThat(stats.variants()).singleElement().satisfies(v -> {
            assertThat(v.recommendations()).isEqualTo(3);
            assertThat(v.model().algorithm()).isEqualTo(ConstantScoresProvider.NAME);
            assertThat(v.model().modelDir()).isEqualTo(modelDir);
            assertThat(v.trafficShare()).isEqualTo(1.0);
            assertThat(v.ctr()).isZero(); // no impressions: 0, not NaN
        });
        assertThat(stats.comparisons()).isEmpty();
        List<ServedRecommendation> served = served("user_1");
        assertThat(served).extracting(ServedRecommendation::recommendationId)
                .containsExactlyInAnyOrder(first.recommendationId(), again.recommendationId());
        assertThat(served.get(0).itemIds()).containsExactlyElementsOf(ids(first));
        assertThat(served.get(0).kind()).isEqualTo("recommend");
    }

    @Test
    void impressionsClicksAndConversionsAreAttributedToTheirRecommendation() {
        Recommendations r = recSys.recommend("user_1", 3, RecommendOptions.defaults());
        String id = r.recommendationId();
        long now = Instant.now().getEpochSecond() / 60 * 60; // now + 1 stays in this minute
        Recommendations.Item bought = r.items().get(0);
        recSys.record(List.of(
                feedback("user_1", r.items().get(0).itemId(), LiveEvent.IMPRESSION, id, now),
                feedback("user_1", r.items().get(1).itemId(), LiveEvent.IMPRESSION, id, now),
                feedback("user_1", r.items().get(1).itemId(), LiveEvent.IMPRESSION, id, now), // a repeated beacon
                feedback("user_1", r.items().get(2).itemId(), LiveEvent.IMPRESSION, id, now),
                feedback("user_1", bought.itemId(), "click", id, now + 1),
                new LiveEvent("user_1", null, bought.itemId(), now + 60, 2, "add_to_cart"),
                new LiveEvent("user_1", null, bought.itemId(), now + 120, 2, "purchase"),
                new LiveEvent("user_1", null, "item_199", now + 120, 1, "purchase"), // never recommended
                new LiveEvent("user_2", null, r.items().get(2).itemId(), now + 120, 1, "purchase"), // someone else
                new LiveEvent("user_1", null, r.items().get(1).itemId(), now + 3 * 3600, 1, "purchase"))); // late

        OnlineStats stats = recSys.onlineStats(30, Duration.ofHours(1), 0.95);

        OnlineStats.VariantStats v = stats.variants().get(0);
        assertThat(v.impressions()).isEqualTo(3);
        assertThat(v.clicks()).isEqualTo(1);
        assertThat(v.ctr()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(v.conversions()).isEqualTo(1); // add_to_cart and purchase of one item count once
        assertThat(v.conversionRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(v.revenue()).isCloseTo(2 * bought.price(), within(1e-6));
        assertThat(v.catalogueCoverage()).isCloseTo(3 / 200.0, within(1e-12));
        assertThat(stats.daily()).singleElement().satisfies(d -> {
            assertThat(d.impressions()).isEqualTo(3);
            assertThat(d.conversions()).isEqualTo(1);
        });
        assertThat(stats.topItems()).extracting(OnlineStats.TopItem::itemId).containsExactlyInAnyOrderElementsOf(ids(r));
        assertThat(stats.eventsPerMinute()).hasSize(60);
        assertThat(stats.eventsPerMinute().stream().mapToLong(OnlineStats.MinuteEvents::events).sum())
                .isGreaterThanOrEqualTo(5);

        // a longer window takes the late purchase too
        assertThat(recSys.onlineStats(30, Duration.ofHours(4), 0.95).variants().get(0).conversions()).isEqualTo(2);
    }

    @Test
    void aPurchaseFromSimilarItemsIsAttributedThroughTheShoppersImpressionOfTheList() {
        Recommendations similar = recSys.similarItems("item_3", 3, RecommendOptions.defaults()); // asked for nobody
        String id = similar.recommendationId();
        String bought = similar.items().get(0).itemId();
        String notSeen = similar.items().get(1).itemId();
        long now = Instant.now().getEpochSecond();
        recSys.record(List.of(
                feedback("user_5", bought, LiveEvent.IMPRESSION, id, now),
                new LiveEvent("user_5", null, bought, now + 60, 1, "purchase"),
                new LiveEvent("user_5", null, notSeen, now + 60, 1, "purchase"), // in the list, but not shown to user_5
                new LiveEvent("user_6", null, bought, now + 60, 1, "purchase"))); // never saw the list

        OnlineStats.VariantStats v = recSys.onlineStats(30, Duration.ofHours(1), 0.95).variants().get(0);
        assertThat(v.impressions()).isEqualTo(1);
        assertThat(v.conversions()).isEqualTo(1);
        assertThat(v.revenue()).isCloseTo(similar.items().get(0).price(), within(1e-6));
    }

    @Test
    void impressionsChangeNoAnswerAndAreNotFoldedIn() {
        List<String> before = ids(recSys.recommend("newcomer", 3, RecommendOptions.defaults().withExcludeSeen(true)));
        recSys.record(feedback("newcomer", before.get(0), LiveEvent.IMPRESSION, "r1", Instant.now().getEpochSecond()));

        Recommendations after = recSys.recommend("newcomer", 3, RecommendOptions.defaults().withExcludeSeen(true));
        assertThat(after.personalized()).isFalse(); // an impression is not an event of the user's own
        assertThat(ids(after)).isEqualTo(before);
    }

    @Test
    void gdprExportHoldsTheServedAnswersAndFeedbackAndErasureRemovesThem() throws IOException {
        Recommendations r = recSys.recommend("user_1", 3, RecommendOptions.defaults());
        recSys.record(feedback("user_1", r.items().get(0).itemId(), "click", r.recommendationId(),
                Instant.now().getEpochSecond()));
        recSys.recommend("user_2", 3, RecommendOptions.defaults());

        UserDataExport export = recSys.exportUser("user_1");
        assertThat(export.recommendations()).extracting(ServedRecommendation::recommendationId)
                .containsExactly(r.recommendationId());
        assertThat(export.events()).extracting(UserEvent::recommendationId).contains(r.recommendationId());

        recSys.deleteUser("user_1");
        assertThat(served("user_1")).isEmpty();
        assertThat(recSys.exportUser("user_1").events()).isEmpty();
        assertThat(served("user_2")).hasSize(1);
    }

    @Test
    void anAbTestAssignsEachIdStickilyAndComparesTheVariants() throws IOException {
        recSys.close();
        TrafficSplit split = new TrafficSplit(List.of(new TrafficSplit.Variant("a", 50), new TrafficSplit.Variant("b", 50)));
        recSys = RecSysEngine.open(config(), split);
        recSys.swapModel("a", modelDir);
        recSys.swapModel("b", modelDir);
        assertThatThrownBy(() -> recSys.swapModel(modelDir)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("a, b");

        Set<String> seen = new HashSet<>();
        for (int u = 0; u < 40; u++) {
            String user = "user_" + u;
            Recommendations r = recSys.recommend(user, 2, RecommendOptions.defaults());
            assertThat(r.variant()).isEqualTo(split.variantOf(user));
            assertThat(recSys.recommendForSession("s-" + u, 2, RecommendOptions.defaults()).variant())
                    .isEqualTo(split.variantOf("s-" + u));
            assertThat(recSys.recommend(user, 2, RecommendOptions.defaults()).variant()).isEqualTo(r.variant());
            seen.add(r.variant());
            recSys.record(feedback(user, r.items().get(0).itemId(), LiveEvent.IMPRESSION, r.recommendationId(),
                    Instant.now().getEpochSecond()));
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
        assertThat(recSys.statuses()).containsOnlyKeys("a", "b");

        OnlineStats stats = recSys.onlineStats(30, DAY, 0.95);
        assertThat(stats.variants()).extracting(OnlineStats.VariantStats::variant).containsExactly("a", "b");
        assertThat(stats.variants()).extracting(OnlineStats.VariantStats::trafficShare).containsExactly(0.5, 0.5);
        assertThat(stats.variants().stream().mapToLong(OnlineStats.VariantStats::impressions).sum()).isEqualTo(40);
        assertThat(stats.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.baseline()).isEqualTo("a");
            assertThat(c.variant()).isEqualTo("b");
            assertThat(c.method()).isEqualTo("two-proportion z-test");
            assertThat(c.ctr().significant()).isFalse(); // no clicks anywhere
        });
    }

    @Test
    void aPurchaseShownByTwoListsInOneSecondGoesToTheListWhoseCardWasClicked() throws IOException {
        recSys.close();
        recSys = RecSysEngine.open(config(), new TrafficSplit(List.of(new TrafficSplit.Variant("a", 50),
                new TrafficSplit.Variant("b", 50))));
        recSys.swapModel("a", modelDir);
        recSys.swapModel("b", modelDir);
        long now = Instant.now().getEpochSecond();
        // each shopper is shown item_7 by a list of each variant in the same second and clicks the list
        // with the smaller id: neither the second nor the id decides, the click does
        List<LiveEvent> events = new ArrayList<>();
        for (String[] shopper : new String[][] {{"user_8", "a", "b"}, {"user_9", "b", "a"}}) {
            String user = shopper[0];
            String clickedId = "00-" + user;
            String otherId = "ff-" + user;
            recSys.withStore(store -> {
                store.recordServed(List.of(
                        new ServedRecommendation(clickedId, now, shopper[1], "constant", "recommend", user, null,
                                List.of("item_7")),
                        new ServedRecommendation(otherId, now, shopper[2], "constant", "recommend", user, null,
                                List.of("item_7"))));
                return null;
            });
            events.add(feedback(user, "item_7", LiveEvent.IMPRESSION, clickedId, now));
            events.add(feedback(user, "item_7", LiveEvent.IMPRESSION, otherId, now));
            events.add(feedback(user, "item_7", "click", clickedId, now + 1));
            events.add(new LiveEvent(user, null, "item_7", now + 60, 1, "purchase"));
        }
        recSys.record(events);

        for (int call = 0; call < 3; call++) {
            assertThat(recSys.onlineStats(30, DAY, 0.95).variants())
                    .extracting(OnlineStats.VariantStats::variant, OnlineStats.VariantStats::conversions)
                    .containsExactly(tuple("a", 1L),
                            tuple("b", 1L));
        }
    }

    private List<ServedRecommendation> served(String user) {
        return recSys.withStore(store -> store.servedTo(user));
    }

    private static LiveEvent feedback(String user, String item, String type, String recommendationId, long ts) {
        return new LiveEvent(user, null, item, ts, 1, type, recommendationId);
    }

    private static List<String> ids(Recommendations r) {
        return r.items().stream().map(Recommendations.Item::itemId).toList();
    }
}
