package io.recsyslite.internal.serving;

import io.recsyslite.LiveEvent;
import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.UserEvent;
import io.recsyslite.core.testing.ConstantScoresProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording events through a RecSysEngine and answering from them at once. */
class LiveRecordingTest {
    @TempDir
    Path tmp;
    private Path db;
    private Path modelDir;
    private RecSysEngine recSys;
    private long eventsBefore;

    @BeforeEach
    void trainAndOpen() throws IOException {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(2000).withItems(200).withSeed(5)).writeTo(data);
        db = tmp.resolve("recsys.db");
        modelDir = tmp.resolve("model");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            eventsBefore = store.eventCount();
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of(ConstantScoresProvider.NAME, modelDir)
                    .withContext(TrainingContext.singleThreaded(1)));
        }
        recSys = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO)
                .withJournalFlushInterval(Duration.ofHours(1)), modelDir);
    }

    @AfterEach
    void close() {
        recSys.close();
    }

    @Test
    void aUsersNextRecommendationReflectsTheEventJustRecorded() {
        String user = recSys.withStore(s -> s.userEvents("user_1")).isEmpty() ? null : "user_1";
        assertThat(user).isNotNull();
        Recommendations before = recSys.recommend(user, 3, RecommendOptions.defaults());
        String top = before.items().get(0).itemId();

        recSys.record(LiveEvent.ofUser(user, top, "purchase"));

        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).items())
                .extracting(Recommendations.Item::itemId).doesNotContain(top);
    }

    @Test
    void aNewUserWithEventsIsPersonalisedAndOneWithoutIsNot() {
        assertThat(recSys.recommend("newcomer", 3, RecommendOptions.defaults()).personalized()).isFalse();

        recSys.record(LiveEvent.ofUser("newcomer", "item_3", "view"));

        Recommendations r = recSys.recommend("newcomer", 3, RecommendOptions.defaults());
        assertThat(r.personalized()).isTrue();
        assertThat(r.items()).extracting(Recommendations.Item::itemId).doesNotContain("item_3");
    }

    @Test
    void aVisitorSessionIsRecommendedFromItsEventsAndALoginLinksItToTheUser() {
        assertThat(recSys.recommendForSession("s1", 3, RecommendOptions.defaults()).personalized()).isFalse();
        recSys.record(List.of(LiveEvent.ofSession("s1", "item_7", "view"), LiveEvent.ofSession("s1", "item_199", "view")));

        Recommendations visitor = recSys.recommendForSession("s1", 3, RecommendOptions.defaults());
        assertThat(visitor.personalized()).isTrue();
        assertThat(visitor.items()).extracting(Recommendations.Item::itemId).doesNotContain("item_7", "item_199");

        recSys.record(new LiveEvent("fresh_user", "s1", "item_198", null, null, "click"));
        assertThat(recSys.recommend("fresh_user", 3, RecommendOptions.defaults()).items())
                .extracting(Recommendations.Item::itemId).doesNotContain("item_199", "item_198");
        recSys.flushEvents();
        List<UserEvent> linked = recSys.withStore(s -> s.userEvents("fresh_user"));
        assertThat(linked).extracting(UserEvent::itemId)
                .containsExactly("item_7", "item_199", "item_198");
    }

    @Test
    void aViewThePageKnowsButTheStoreHasNotRecordedYetCountsForTheSession() {
        recSys.record(LiveEvent.ofSession("s2", "item_7", "view"));
        Recommendations recordedOnly = recSys.recommendForSession("s2", 5, RecommendOptions.defaults());
        String inFlight = recordedOnly.items().get(0).itemId(); // the page viewed it; its event is on its way

        Recommendations visitor = recSys.recommendForSession("s2", List.of("item_7", inFlight), 5,
                RecommendOptions.defaults());

        assertThat(visitor.personalized()).isTrue();
        assertThat(visitor.items()).extracting(Recommendations.Item::itemId).doesNotContain("item_7", inFlight);
        assertThat(recSys.recommendForSession("fresh_visitor", List.of(inFlight), 5, RecommendOptions.defaults())
                .items()).extracting(Recommendations.Item::itemId).isNotEmpty().doesNotContain(inFlight);
    }

    @Test
    void oneBadEventRejectsTheWholeBatchNamingPositionAndField() {
        List<LiveEvent> batch = List.of(LiveEvent.ofUser("u1", "item_1", "view"),
                new LiveEvent("u1", null, "item_2", 1_700_000_000_000L, 1, "view"));

        assertThatThrownBy(() -> recSys.record(batch)).isInstanceOf(InvalidDataException.class)
                .hasMessage("event 1, field ts: timestamp 1700000000000 is more than 1 day in the future "
                        + "(expected unix seconds); nothing was recorded");
        assertThatThrownBy(() -> recSys.record(new LiveEvent(null, " ", "item_1", null, null, null)))
                .hasMessageContaining("event 0, field session_id: empty session id");
        assertThatThrownBy(() -> recSys.record(new LiveEvent("u1", null, "item_1", null, -2, null)))
                .hasMessageContaining("event 0, field qty: negative quantity -2");
        assertThatThrownBy(() -> recSys.record(LiveEvent.ofUser("u" + "x".repeat(10_000), "item_1", null)))
                .hasMessageContaining("event 0, field user_id: user id of 10001 characters");
        recSys.flushEvents();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void restrictedEventTypesRejectOthers() throws IOException {
        recSys.close();
        recSys = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO)
                .withEventTypes(Set.of("view", "purchase")), modelDir);

        assertThatThrownBy(() -> recSys.record(LiveEvent.ofUser("u1", "item_1", "Wishlist")))
                .hasMessage("event 0, field event_type: unknown event type 'wishlist' (this shop records purchase, "
                        + "view); nothing was recorded");
        assertThat(recSys.record(LiveEvent.ofUser("u1", "item_1", "View"))).isEqualTo(1);
    }

    @Test
    void manyThreadsRecordAndEveryEventReachesTheStore() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        recSys.record(LiveEvent.ofUser("writer_" + thread, "item_" + (i % 200), "view"));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        recSys.flushEvents();
        assertThat(storedEvents()).isEqualTo(eventsBefore + 1600);
    }

    @Test
    void eventsInTheJournalSurviveARestartAndGdprCoversThem() throws IOException {
        recSys.record(List.of(LiveEvent.ofUser("gone", "item_1", "view"), LiveEvent.ofUser("gone", "item_2", "purchase")));
        assertThat(recSys.exportUser("gone").events()).extracting(UserEvent::itemId).containsExactly("item_1", "item_2");

        recSys.record(LiveEvent.ofUser("gone", "item_3", "view")); // still in the journal
        assertThat(recSys.deleteUser("gone")).isEqualTo(3);
        assertThat(recSys.recommend("gone", 3, RecommendOptions.defaults()).personalized()).isFalse();

        recSys.record(LiveEvent.ofUser("kept", "item_4", "view"));
        recSys.close(); // moves the journal into the store
        recSys = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO), modelDir);
        assertThat(storedEvents()).isEqualTo(eventsBefore + 1);
        // the restarted RecSysEngine read the live event back: the model has not seen it
        assertThat(recSys.recommend("kept", 3, RecommendOptions.defaults()).personalized()).isTrue();
    }

    private long storedEvents() {
        return recSys.withStore(RecsysStore::eventCount);
    }
}
