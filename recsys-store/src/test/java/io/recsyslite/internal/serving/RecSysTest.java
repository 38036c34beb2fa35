package io.recsyslite.internal.serving;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.error.NotFoundException;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.core.testing.ConstantScoresProvider;
import io.recsyslite.core.testing.StoreHeldElsewhere;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.store.AuditEntry;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecSysTest {
    @TempDir
    Path tmp;
    private Path db;
    private Path modelDir;
    private RecSysEngine recSys;
    private String user;

    @BeforeEach
    void trainAndOpen() throws IOException {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(4000).withItems(400).withSeed(3)).writeTo(data);
        db = tmp.resolve("recsys.db");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            user = store.popularItems(1).isEmpty() ? null : firstUser(store);
        }
        modelDir = tmp.resolve("models/constant");
        train(modelDir, Map.of());
        recSys = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO), modelDir);
    }

    @AfterEach
    void close() {
        recSys.close();
    }

    @Test
    void recommendsUnseenItemsWithCatalogueData() {
        Recommendations r = recSys.recommend(user, 5, RecommendOptions.defaults());

        assertThat(r.personalized()).isTrue();
        assertThat(r.items()).hasSize(5);
        Recommendations.Item first = r.items().get(0);
        assertThat(first.title()).isNotBlank();
        assertThat(first.category()).isNotBlank();
        assertThat(first.price()).isPositive();
        assertThat(first.imgUrl()).startsWith("/img/").endsWith(".svg");
        Set<String> seen = seenItems(user);
        assertThat(r.items()).noneMatch(i -> seen.contains(i.itemId()));
        assertThat(recSys.recommend(user, 50, RecommendOptions.defaults().withExcludeSeen(false)).items())
                .anyMatch(i -> seen.contains(i.itemId()));
    }

    @Test
    void businessFiltersApplyInsideTheTopK() {
        String category = recSys.recommend(user, 1, RecommendOptions.defaults()).items().get(0).category();
        RecommendOptions options = RecommendOptions.defaults().withCategories(Set.of(category)).withPriceRange(0.0, 10_000.0);

        Recommendations r = recSys.recommend(user, 7, options);

        assertThat(r.items()).hasSize(7).allMatch(i -> i.category().equals(category));
        String denied = r.items().get(0).itemId();
        assertThat(recSys.recommend(user, 7, options.withDenyIds(Set.of(denied))).items())
                .hasSize(7).noneMatch(i -> i.itemId().equals(denied));
        assertThat(recSys.recommend(user, 7, options.withInStockOnly(true)).items()).isEmpty();
    }

    @Test
    void unknownUserGetsPopularItemsNotPersonalised() {
        Recommendations r = recSys.recommend("nobody", 4, RecommendOptions.defaults());
        List<String> popular = recSys.withStore(store -> store.popularItems(4));

        assertThat(r.personalized()).isFalse();
        assertThat(r.items()).extracting(Recommendations.Item::itemId).containsExactlyElementsOf(popular);
    }

    @Test
    void reasonsOnlyWhenAskedAndEmptyFromAModelThatGivesNone() {
        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).items()).allMatch(i -> i.reasons() == null);
        RecommendOptions explain = RecommendOptions.defaults().withExplain(true);

        assertThat(recSys.recommend(user, 3, explain).items()).hasSize(3).allMatch(i -> i.reasons().isEmpty());
        assertThat(recSys.recommend("nobody", 3, explain).items()).hasSize(3).allMatch(i -> i.reasons().isEmpty());
        assertThat(recSys.similarItems(recSys.recommend(user, 1, explain).items().get(0).itemId(), 3, explain).items())
                .allMatch(i -> i.reasons() == null);
    }

    @Test
    void similarItemsAndNotFound() {
        String item = recSys.recommend(user, 1, RecommendOptions.defaults()).items().get(0).itemId();
        assertThat(recSys.similarItems(item, 3, RecommendOptions.defaults()).items()).hasSize(3)
                .noneMatch(i -> i.itemId().equals(item));
        assertThatThrownBy(() -> recSys.similarItems("no-such-item", 3, RecommendOptions.defaults()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-item");
    }

    @Test
    void kOutsideTheAllowedRangeIsRejectedAndCounted() {
        assertThatThrownBy(() -> recSys.recommend(user, 0, RecommendOptions.defaults()))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> recSys.recommend(user, 101, RecommendOptions.defaults()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("between 1 and 100");
        recSys.recommend(user, 3, RecommendOptions.defaults());
        recSys.recommend(user, 3, RecommendOptions.defaults());

        ServiceMetrics.Snapshot m = recSys.metrics();
        assertThat(m.errorCount()).isEqualTo(2);
        assertThat(m.requestCount()).isEqualTo(4);
        assertThat(m.recommendationCount()).isEqualTo(6);
        assertThat(m.cacheHitRatio()).isEqualTo(0.5);
    }

    @Test
    void hotSwapServesTheNewModelAndRequestsInFlightSucceed() throws Exception {
        List<String> before = ids(recSys.recommend(user, 5, RecommendOptions.defaults()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        assertThat(recSys.recommend(user, 1 + i % 10, RecommendOptions.defaults()).items()).isNotEmpty();
                    }
                }));
            }
            for (int s = 0; s < 5; s++) {
                train(modelDir, Map.of("weight", s % 2 == 0 ? "-1" : "1"));
                recSys.swapModel(modelDir);
            }
            for (Future<?> c : clients) {
                c.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(recSys.status().orElseThrow().generation()).isEqualTo(6);
        // weight -1 reverses the ranking of the constant model
        assertThat(ids(recSys.recommend(user, 5, RecommendOptions.defaults()))).isNotEqualTo(before);
    }

    @Test
    void corruptModelIsRefusedAndTheOldOneKeepsServing() throws IOException {
        Path broken = tmp.resolve("models/broken");
        train(broken, Map.of());
        Files.writeString(ModelArtifacts.filesDir(broken).resolve("items.json"), "[]");

        assertThatThrownBy(() -> recSys.swapModel(broken))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("items.json");
        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).items()).hasSize(3);
    }

    @Test
    void exportHoldsEveryEventItemsAndAudit() throws IOException {
        Path out = tmp.resolve("export.json");
        UserDataExport export = recSys.exportUser(user, out);

        int events = recSys.withStore(store -> store.userEvents(user).size());
        assertThat(export.events()).hasSize(events).isNotEmpty();
        assertThat(export.items()).isNotEmpty();
        String json = Files.readString(out);
        assertThat(json).contains("\"user_id\" : \"" + user + "\"").contains("\"item_id\"");
        List<AuditEntry> audit = recSys.withStore(store -> store.auditEntries(user));
        assertThat(audit).extracting(AuditEntry::action).contains("export_user");
    }

    @Test
    void deletedUserLeavesNoTraceInStoreModelDirectoryOrAnswers() throws IOException {
        recSys.recommend(user, 5, RecommendOptions.defaults()); // cached personalised answer

        long removed = recSys.deleteUser(user);

        assertThat(removed).isPositive();
        List<io.recsyslite.internal.store.UserEvent> left = recSys.withStore(store -> store.userEvents(user));
        assertThat(left).isEmpty();
        assertThat(recSys.recommend(user, 5, RecommendOptions.defaults()).personalized()).isFalse();
        byte[] needle = user.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(modelDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(f), needle)).as(f.getFileName().toString()).isEqualTo(-1);
            }
        }
        assertThat(ModelArtifacts.verify(modelDir).files()).containsKey("users.json");
        List<AuditEntry> audit = recSys.withStore(store -> store.auditEntries(user));
        assertThat(audit).extracting(AuditEntry::action).contains("delete_user_events", "scrub_model", "delete_user");
    }

    @Test
    void modelsTrainedBeforeADeletionAreScrubbedWhenLoaded() throws IOException {
        Path older = tmp.resolve("models/older");
        train(older, Map.of());
        recSys.deleteUser(user);

        recSys.swapModel(older);

        assertThat(ModelArtifacts.load(older, Algorithms.discover()).model().users().contains(user)).isFalse();
        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).personalized()).isFalse();
    }

    @Test
    void aReturningDeletedUserIsPersonalisedAgainByModelsTrainedAfterTheDeletionOnly() throws IOException {
        Path trainedBefore = tmp.resolve("models/before");
        train(trainedBefore, Map.of());
        recSys.deleteUser(user);
        Path comeback = tmp.resolve("comeback.csv");
        long later = java.time.Instant.now().getEpochSecond() + 60;
        Files.writeString(comeback, "user_id,item_id,ts,qty\n" + user + ",item_1," + later + ",1\n");
        recSys.withStore(store -> store.ingestEvents(comeback));
        Path trainedAfter = tmp.resolve("models/after");
        train(trainedAfter, Map.of());

        recSys.swapModel(trainedAfter);
        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).personalized()).isTrue();
        assertThat(ModelArtifacts.load(trainedAfter, Algorithms.discover()).model().users().contains(user)).isTrue();

        recSys.swapModel(trainedBefore);
        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).personalized()).isFalse();
        assertThat(ModelArtifacts.load(trainedBefore, Algorithms.discover()).model().users().contains(user)).isFalse();
    }

    @Test
    void aModelThatDoesNotKnowWhenItsDataWasReadIsScrubbedOfEveryDeletedUser() throws IOException {
        Path fromFiles = tmp.resolve("models/spark-like");
        train(fromFiles, Map.of());
        var trained = ModelArtifacts.load(fromFiles, Algorithms.discover());
        ModelArtifacts.save(trained.model(), fromFiles, new io.recsyslite.core.artifact.Provenance(Map.of(), "files", 1));
        recSys.deleteUser(user);
        Path comeback = tmp.resolve("comeback.csv");
        Files.writeString(comeback, "user_id,item_id,ts,qty\n" + user + ",item_1,"
                + (java.time.Instant.now().getEpochSecond() + 60) + ",1\n");
        recSys.withStore(store -> store.ingestEvents(comeback));

        recSys.swapModel(fromFiles);

        assertThat(recSys.recommend(user, 3, RecommendOptions.defaults()).personalized()).isFalse();
    }

    @Test
    void scrubberEmptiesTheUsersSeenRow() throws IOException {
        var before = ModelArtifacts.load(modelDir, Algorithms.discover()).model();
        int u = before.users().indexOf(user);

        assertThat(ModelArtifacts.eraseUsers(modelDir, Set.of(user, "not-in-model"))).containsExactly(user);

        var after = ModelArtifacts.load(modelDir, Algorithms.discover()).model();
        assertThat(ModelArtifacts.isErasedUser(after.users().idOf(u))).isTrue();
        assertThat(after.recommend(u, io.recsyslite.core.rank.RecommendRequest.top(100)).size()).isEqualTo(100);
        assertThat(ModelArtifacts.eraseUsers(modelDir, Set.of(user))).isEmpty();
    }

    @Test
    void apiAccessIsAuditedAggregatedPerUser() throws Exception {
        // An interval that never elapses during the test: the three requests are flushed together on close.
        try (RecSysEngine audited = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ofHours(1)), modelDir)) {
            for (int i = 0; i < 3; i++) {
                audited.recommend(user, 2 + i, RecommendOptions.defaults());
            }
        }
        assertThat(recommendAudits()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("api");
            assertThat(e.details()).isEqualTo("3 requests");
        });
    }

    @Test
    void apiAccessAuditIsFlushedPeriodicallyWhileServing() throws Exception {
        try (RecSysEngine audited = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ofMillis(100)), modelDir)) {
            audited.recommend(user, 2, RecommendOptions.defaults());
            List<AuditEntry> rows = List.of();
            for (int wait = 0; wait < 100 && rows.isEmpty(); wait++) {
                Thread.sleep(100);
                rows = recommendAudits();
            }
            assertThat(rows).singleElement().satisfies(e -> assertThat(e.details()).isEqualTo("1 request"));
        }
    }

    @Test
    void accessAuditIsWrittenInBulkFlushesOfBoundedSize() throws Exception {
        int users = RecSysEngine.AUDIT_ROWS_PER_FLUSH + 500;
        try (RecSysEngine audited = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ofHours(1)), modelDir)) {
            for (int u = 0; u < users; u++) {
                audited.recommend("visitor_" + u, 1, RecommendOptions.defaults());
            }
            assertThat(audited.flushAccessAudit(Duration.ZERO)).isTrue();
            assertThat(apiAuditRows()).isEqualTo(RecSysEngine.AUDIT_ROWS_PER_FLUSH);
            assertThat(audited.flushAccessAudit(Duration.ZERO)).isTrue();
            assertThat(apiAuditRows()).isEqualTo(users);
        }
    }

    @Test
    void accessAuditFlushDoesNotWaitForABusyStoreAndKeepsTheCounts() throws Exception {
        try (RecSysEngine audited = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ofHours(1)), modelDir)) {
            audited.recommend(user, 2, RecommendOptions.defaults());
            try (StoreHeldElsewhere held = StoreHeldElsewhere.hold(db)) {
                long start = System.nanoTime();
                assertThat(audited.flushAccessAudit(Duration.ZERO)).isFalse();
                // the serving lock is not held for the 10 s a request would wait for the store
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                audited.recommend(user, 3, RecommendOptions.defaults());
            }
            assertThat(audited.flushAccessAudit(Duration.ZERO)).isTrue();
        }
        assertThat(recommendAudits()).singleElement().satisfies(e -> assertThat(e.details()).isEqualTo("2 requests"));
    }

    private long apiAuditRows() {
        return recSys.withStore(store -> store.inTransaction(conn -> {
            try (var st = conn.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM audit_log WHERE actor = 'api' AND action = 'recommend'")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private List<AuditEntry> recommendAudits() {
        return recSys.withStore(store -> store.auditEntries(user)).stream()
                .filter(e -> e.action().equals("recommend")).toList();
    }

    private void train(Path dir, Map<String, ?> params) throws IOException {
        try (RecsysStore store = RecsysStore.open(db)) {
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of(ConstantScoresProvider.NAME, dir)
                    .withParams(params).withContext(TrainingContext.singleThreaded(1)));
        }
    }

    private Set<String> seenItems(String userId) {
        Set<String> seen = new java.util.HashSet<>();
        recSys.withStore(store -> store.userEvents(userId)).forEach(e -> seen.add(e.itemId()));
        return seen;
    }

    private static String firstUser(RecsysStore store) {
        return store.inTransaction(conn -> {
            try (var st = conn.createStatement();
                 var rs = st.executeQuery("SELECT user_id FROM events GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static List<String> ids(Recommendations r) {
        return r.items().stream().map(Recommendations.Item::itemId).toList();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
