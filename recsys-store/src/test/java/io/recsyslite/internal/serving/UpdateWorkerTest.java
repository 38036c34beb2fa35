package io.recsyslite.internal.serving;

import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.core.testing.ConstantScoresProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateWorkerTest {
    @TempDir
    Path tmp;
    private Path db;
    private Path modelDir;
    private Path incoming;
    private Recommender before;

    @BeforeEach
    void trainModel() throws IOException {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(3000).withItems(300).withSeed(4)).writeTo(data);
        db = tmp.resolve("recsys.db");
        modelDir = tmp.resolve("model");
        incoming = tmp.resolve("incremental");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of(ConstantScoresProvider.NAME, modelDir)
                    .withContext(TrainingContext.singleThreaded(1)));
        }
        before = ModelArtifacts.load(modelDir, Algorithms.discover()).model();
    }

    @Test
    void newEventsAreFoldedInAndTheRestOfTheModelIsUntouched() throws Exception {
        UpdateWorker worker = worker(Duration.ZERO, Clock.systemUTC());
        String readAt = ModelArtifacts.verify(modelDir).provenance().dataReadAt();
        String user = before.users().idOf(0);
        String topItem = before.items().idOf(before.recommend(0, RecommendRequest.top(1)).item(0));
        writeEvents(incoming.resolve("batch-1.parquet"),
                "('" + user + "', '" + topItem + "', 1735000000, 1), ('newcomer', '" + topItem + "', 1735000000, 2)");

        UpdateWorker.CycleReport report = worker.runOnce();

        assertThat(report.ingested()).extracting(p -> p.getFileName().toString()).containsExactly("batch-1.parquet");
        assertThat(report.usersFolded()).isEqualTo(2);
        assertThat(incoming.resolve("processed/batch-1.parquet")).exists();
        Recommender after = ModelArtifacts.load(modelDir, Algorithms.discover()).model();
        assertThat(after.users().contains("newcomer")).isTrue();
        int u = after.users().indexOf(user);
        assertThat(ids(after, after.recommend(u, RecommendRequest.top(5)).items())).doesNotContain(topItem);
        for (int other = 1; other < before.users().size(); other++) {
            assertThat(after.recommend(other, RecommendRequest.top(5)).items())
                    .containsExactly(before.recommend(other, RecommendRequest.top(5)).items());
        }
        assertThat(worker.runOnce().usersFolded()).isZero();
        assertThat(readAt).as("trained from the store").isNotEmpty();
        assertThat(ModelArtifacts.verify(modelDir).provenance().dataReadAt())
                .as("a fold-in keeps the data-read time: untouched users still hold that data").isEqualTo(readAt);
    }

    @Test
    void aRestartedWorkerFoldsInWhatArrivedWhileItWasDown() throws Exception {
        worker(Duration.ZERO, Clock.systemUTC()).runOnce();
        ingest("while-down.parquet", "('late_1', 'i_1', 1735000000, 1), ('late_2', 'i_2', 1735000000, 1)");

        UpdateWorker restarted = worker(Duration.ZERO, Clock.systemUTC());

        assertThat(restarted.runOnce().usersFolded()).isEqualTo(2);
        assertThat(restarted.runOnce().usersFolded()).isZero();
        assertThat(worker(Duration.ZERO, Clock.systemUTC()).runOnce().usersFolded()).as("mark kept in the store").isZero();
    }

    @Test
    void eventsIngestedAfterTrainingAreFoldedInByTheFirstWorker() throws Exception {
        ingest("after-training.parquet", "('late_1', 'i_1', 1735000000, 1)");

        assertThat(worker(Duration.ZERO, Clock.systemUTC()).runOnce().usersFolded()).isEqualTo(1);
    }

    @Test
    void aMissingModelDirectoryIsAnError() {
        assertThatThrownBy(() -> new UpdateWorker(db, tmp.resolve("no-model"), incoming, Duration.ZERO,
                TrainingContext.singleThreaded(1), Algorithms.discover(), Clock.systemUTC()))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("model.json is missing");
    }

    @Test
    void badFileIsMovedAsideWithItsErrorAndNothingIsApplied() throws Exception {
        UpdateWorker worker = worker(Duration.ZERO, Clock.systemUTC());
        long events = eventCount();
        writeEvents(incoming.resolve("bad.parquet"), "('u1', 'i1', 1735000000, -4)");

        UpdateWorker.CycleReport report = worker.runOnce();

        assertThat(report.rejected()).hasSize(1);
        assertThat(report.usersFolded()).isZero();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(Files.readString(incoming.resolve("rejected/bad.parquet.error.txt"))).contains("row 1, column qty");
        assertThat(ModelArtifacts.verify(modelDir).createdAt()).isNotBlank();
    }

    @Test
    void retrainsWithTheModelsOwnAlgorithmWhenDue() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        UpdateWorker worker = worker(Duration.ofHours(1), clock);
        assertThat(worker.runOnce().retrained()).isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(61));

        assertThat(worker.runOnce().retrained()).isTrue();
        assertThat(ModelArtifacts.verify(modelDir).algorithm()).isEqualTo(ConstantScoresProvider.NAME);
    }

    private UpdateWorker worker(Duration retrainEvery, Clock clock) throws IOException {
        return new UpdateWorker(db, modelDir, incoming, retrainEvery, TrainingContext.singleThreaded(1),
                Algorithms.discover(), clock);
    }

    private void ingest(String name, String values) throws IOException, SQLException {
        Path file = tmp.resolve(name);
        writeEvents(file, values);
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestEvents(file);
        }
    }

    private long eventCount() {
        try (RecsysStore store = RecsysStore.open(db)) {
            return store.eventCount();
        }
    }

    private static void writeEvents(Path file, String values) throws IOException, SQLException {
        Files.createDirectories(file.getParent());
        try (var conn = DriverManager.getConnection("jdbc:duckdb:"); var st = conn.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES " + values + ") t(user_id, item_id, ts, qty)) TO '"
                    + file + "' (FORMAT PARQUET)");
        }
    }

    private static java.util.List<String> ids(Recommender m, int[] items) {
        return java.util.Arrays.stream(items).mapToObj(m.items()::idOf).toList();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
