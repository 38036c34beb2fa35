package io.recsyslite.internal.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.UnknownNameException;
import io.recsyslite.core.internal.tuning.RecommenderTuner;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.core.testing.ConstantScoresProvider;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerTest {
    @TempDir
    Path tmp;

    @Test
    void tunesStoresTrialsAndSavesTheBestModel() throws IOException {
        Path db = store();
        Path out = tmp.resolve("tuned");

        RecommenderTuner.Result r = new Optimizer(Algorithms.discover()).optimize(db,
                OptimizeRequest.of(ConstantScoresProvider.NAME, "ndcg@20", 4, out).withContext(TrainingContext.singleThreaded(5)));

        assertThat(r.study().trials()).hasSize(4);
        assertThat(r.testScore()).isPresent();
        assertThat(Files.readString(out.resolve("best_params.json"))).contains("\"weight\"").contains("ndcg@20");
        assertThat(out.resolve("trials.csv")).exists();
        assertThat(ModelArtifacts.verify(out.resolve(Optimizer.MODEL_SUBDIR)).algorithm()).isEqualTo(ConstantScoresProvider.NAME);
        long stored = countTrials(db);
        assertThat(stored).isEqualTo(4);

        new Optimizer(Algorithms.discover()).optimize(db, OptimizeRequest.of(ConstantScoresProvider.NAME, "ndcg@20", 6, out)
                .withResume(true).withContext(TrainingContext.singleThreaded(5)));
        assertThat(countTrials(db)).isEqualTo(6);
    }

    @Test
    void badMetricNameFailsBeforeAnyWork() throws IOException {
        Path db = store();
        assertThatThrownBy(() -> new Optimizer(Algorithms.discover()).optimize(db,
                OptimizeRequest.of(ConstantScoresProvider.NAME, "accuracy", 2, tmp.resolve("o"))
                        .withContext(TrainingContext.singleThreaded(1))))
                .isInstanceOf(UnknownNameException.class);
    }

    @Test
    void anEmptyStoreOrTooLittleHistoryIsAClearErrorNotAStudyOfZeros() throws IOException {
        Optimizer optimizer = new Optimizer(Algorithms.discover());
        Path empty = tmp.resolve("empty.db");
        RecsysStore.open(empty).close();
        assertThatThrownBy(() -> optimizer.optimize(empty, OptimizeRequest.of(ConstantScoresProvider.NAME, "ndcg@20", 2,
                tmp.resolve("o1")).withContext(TrainingContext.singleThreaded(1))))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("holds no events");

        // every user has two events: a training and a test item, nothing left to validate on
        Path events = tmp.resolve("two-each.csv");
        Files.writeString(events, "user_id,item_id,ts,qty\nu1,a,1700000000,1\nu1,b,1700000100,1\n"
                + "u2,a,1700000000,1\nu2,c,1700000100,1\n");
        Path shallow = tmp.resolve("shallow.db");
        try (RecsysStore store = RecsysStore.open(shallow)) {
            store.ingestEvents(events);
        }
        assertThatThrownBy(() -> optimizer.optimize(shallow, OptimizeRequest.of(ConstantScoresProvider.NAME, "ndcg@20", 2,
                tmp.resolve("o2")).withContext(TrainingContext.singleThreaded(1))))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("too little history to tune on");
        assertThat(tmp.resolve("o1")).doesNotExist();
        assertThat(tmp.resolve("o2")).doesNotExist();
    }

    private Path store() throws IOException {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(2000).withSeed(9)).writeTo(data);
        Path db = tmp.resolve("recsys.db");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
        }
        return db;
    }

    private static long countTrials(Path db) {
        try (RecsysStore store = RecsysStore.open(db)) {
            return store.inTransaction(conn -> {
                try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM tuning_trials")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }
}
