package io.recsyslite.core.internal.tuning;

import io.recsyslite.internal.store.StoreAccess;
import io.recsyslite.internal.tuning.DuckDbTrialStorage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTrialStorageTest {
    /** Stands for the process being killed in the middle of a trial. */
    private static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    private static Study study(TrialStorage storage, int trials, boolean resume) {
        return Study.builder("als-ndcg@20", QuadraticObjective.SPACE).direction(Direction.MINIMIZE)
                .sampler(new TpeSampler(11)).storage(storage).trials(trials).resume(resume).build();
    }

    @Test
    void aKilledStudyResumesWithEveryFinishedTrialAndContinuesTheNumbering(@TempDir Path dir) {
        Path db = dir.resolve("recsys.db");
        QuadraticObjective objective = new QuadraticObjective();
        try (TrialStorage storage = DuckDbTrialStorage.inStore(StoreAccess.of(db))) {
            assertThatThrownBy(() -> study(storage, 25, false).optimize((p, r) -> {
                if (r.trialNumber() == 14) {
                    throw new Killed();
                }
                return objective.evaluate(p, r);
            })).isInstanceOf(Killed.class);
        }
        List<Trial> beforeResume;
        StudyResult resumed;
        try (TrialStorage storage = DuckDbTrialStorage.inStore(StoreAccess.of(db))) {
            beforeResume = storage.load("als-ndcg@20");
            assertThat(beforeResume).extracting(Trial::number).containsExactlyElementsOf(range(14));
            resumed = study(storage, 25, true).optimize(objective);
            assertThat(storage.load("als-ndcg@20")).hasSize(25);
        }
        assertThat(resumed.trials()).extracting(Trial::number).containsExactlyElementsOf(range(25));
        assertThat(resumed.trials().subList(0, 14)).isEqualTo(beforeResume);
        // the sampler was re-fed the stored trials: the same trials as a run that was never killed
        StudyResult uninterrupted = study(new InMemoryTrialStorage(), 25, false).optimize(objective);
        assertThat(resumed.trials()).extracting(Trial::params)
                .containsExactlyElementsOf(uninterrupted.trials().stream().map(Trial::params).toList());
    }

    @Test
    void roundTripsEveryField(@TempDir Path dir) throws Exception {
        Instant started = Instant.parse("2026-01-02T03:04:05.123456Z");
        TreeMap<Integer, Double> intermediate = new TreeMap<>(Map.of(1, 0.25, 2, Double.NaN));
        Trial pruned = new Trial(3, TrialState.PRUNED, 0.25, Map.of("factors", 64, "reg", 1e-3, "loss", "warp"),
                intermediate, null, started, started.plus(5, ChronoUnit.SECONDS));
        Trial failed = new Trial(4, TrialState.FAIL, Double.NaN, Map.of("factors", 8), new TreeMap<>(),
                "OutOfMemoryError: Java heap space", started, started);
        Path db = dir.resolve("t.db");
        try (TrialStorage storage = DuckDbTrialStorage.inStore(StoreAccess.of(db))) {
            storage.save("s", pruned);
            storage.save("s", failed);
            storage.save("other", failed);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             DuckDbTrialStorage storage = DuckDbTrialStorage.using(c)) {
            assertThat(storage.load("s")).containsExactly(pruned, failed);
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*), count(value) FROM tuning_trials WHERE study = 's'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getInt(2)).isEqualTo(1); // NaN is stored as NULL
            }
        }
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
