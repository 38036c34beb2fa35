package io.recsyslite.internal.serving;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.core.testing.ConstantScoresProvider;
import io.recsyslite.core.testing.StoreHeldElsewhere;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged erasure reaches the store and every model directory, even across a crash. */
class ErasureQueueTest {
    @TempDir
    Path tmp;
    private Path db;
    private Path modelDir;
    private String user;

    @BeforeEach
    void trainModel() throws IOException {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(2000).withItems(200).withSeed(8)).writeTo(data);
        db = tmp.resolve("recsys.db");
        modelDir = tmp.resolve("model");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            train(store, modelDir);
        }
        user = ModelArtifacts.load(modelDir, Algorithms.discover()).model().users().idOf(0);
    }

    @Test
    void anErasureCutShortBeforeTheModelScrubIsAppliedAtTheNextWorkerStart() throws IOException {
        try (RecsysStore store = RecsysStore.open(db)) {
            // Gdpr.deleteUser's first step; the process dies before it scrubs the model
            store.deleteUserEvents(user, List.of(modelDir));
            assertThat(store.pendingErasures()).containsEntry(modelDir.toAbsolutePath(), Set.of(user));
        }
        assertThat(modelHolds(modelDir, user)).isTrue();

        new UpdateWorker(db, modelDir, tmp.resolve("incoming"), Duration.ZERO, TrainingContext.singleThreaded(1),
                Algorithms.discover(), Clock.systemUTC());

        assertThat(modelHolds(modelDir, user)).isFalse();
        try (RecsysStore store = RecsysStore.open(db)) {
            assertThat(store.pendingErasures()).isEmpty();
            assertThat(store.auditEntries(user)).extracting(e -> e.action()).contains("scrub_model");
        }
    }

    @Test
    void aDirectoryThatCannotBeScrubbedNowStaysQueuedUntilTheNextSave() throws IOException {
        Path copy = tmp.resolve("copy");
        copyTree(modelDir, copy);
        Path manifest = copy.resolve(ModelArtifacts.MANIFEST);
        byte[] whole = Files.readAllBytes(manifest);
        Files.write(manifest, new byte[] {'{'}); // a copy still being written: no valid model yet

        try (RecsysStore store = RecsysStore.open(db)) {
            assertThatThrownBy(() -> Gdpr.deleteUser(store, user, List.of(modelDir, copy)))
                    .isInstanceOf(IOException.class).hasMessageContaining(copy.toString())
                    .hasMessageContaining("recorded");
            assertThat(store.userEvents(user)).isEmpty();
            assertThat(store.pendingErasures()).containsOnlyKeys(copy.toAbsolutePath());
        }
        assertThat(modelHolds(modelDir, user)).isFalse();

        Files.write(manifest, whole); // the copy completed
        try (RecsysStore store = RecsysStore.open(db)) {
            train(store, tmp.resolve("another")); // any save applies the queue
            assertThat(store.pendingErasures()).isEmpty();
        }
        assertThat(modelHolds(copy, user)).isFalse();
    }

    @Test
    void aDeletionQueuesTheErasureForEveryDirectoryAWorkerKeeps() throws IOException {
        new UpdateWorker(db, modelDir, tmp.resolve("incoming"), Duration.ZERO, TrainingContext.singleThreaded(1),
                Algorithms.discover(), Clock.systemUTC());
        try (RecsysStore store = RecsysStore.open(db)) {
            store.deleteUserEvents(user); // names no model directory
            assertThat(store.pendingErasures()).containsEntry(modelDir.toAbsolutePath(), Set.of(user));
        }
    }

    @Test
    void anErasureQueuedWhileAnotherProcessHoldsTheStoreSurvivesARestartAndIsDoneOnceTheStoreIsFree()
            throws Exception {
        RecSysConfig config = RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO)
                .withJournalFlushInterval(Duration.ofMillis(100));
        try (RecSysEngine recSys = RecSysEngine.open(config, modelDir)) {
            try (StoreHeldElsewhere held = StoreHeldElsewhere.hold(db)) {
                Erasure queued = recSys.erase(user);
                assertThat(queued.done()).isFalse();
                assertThat(recSys.erasureStatus(user)).hasValueSatisfying(e -> assertThat(e.done()).isFalse());
                assertThat(recSys.recommend(user, 5, RecommendOptions.defaults()).personalized()).isFalse();
            }
        } // the process ends with the erasure still queued (nothing was recorded for it to flush)
        try (RecSysEngine recSys = RecSysEngine.open(config, modelDir)) {
            for (int i = 0; i < 100 && !recSys.erasureStatus(user).orElseThrow().done(); i++) {
                Thread.sleep(100);
            }
            assertThat(recSys.erasureStatus(user)).hasValueSatisfying(e -> assertThat(e.done()).isTrue());
        }
        try (RecsysStore store = RecsysStore.open(db)) {
            assertThat(store.userEvents(user)).isEmpty();
            assertThat(store.deletedUsers()).containsKey(user);
        }
        assertThat(modelHolds(modelDir, user)).isFalse();
    }

    private static void train(RecsysStore store, Path output) throws IOException {
        new Trainer(Algorithms.discover()).train(store, TrainRequest.of(ConstantScoresProvider.NAME, output)
                .withContext(TrainingContext.singleThreaded(1)));
    }

    private static boolean modelHolds(Path dir, String userId) throws IOException {
        return ModelArtifacts.load(dir, Algorithms.discover()).model().users().contains(userId);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
