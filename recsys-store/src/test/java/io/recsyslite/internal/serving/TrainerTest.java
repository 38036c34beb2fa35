package io.recsyslite.internal.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.UnknownNameException;
import io.recsyslite.core.internal.eval.EvaluationReport;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.core.testing.ConstantScoresProvider;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.store.RecsysStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final TrainingContext CONTEXT = TrainingContext.singleThreaded(3);

    @TempDir
    Path tmp;

    private final Trainer trainer = new Trainer(Algorithms.discover());

    @Test
    void evaluatesTheAskedMetricsOnASplitOfTheStore() throws Exception {
        Path data = tmp.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(2000).withItems(100)).writeTo(data);
        try (RecsysStore store = RecsysStore.open(tmp.resolve("recsys.db"))) {
            store.ingestEvents(data.resolve("events.parquet"));

            EvaluationReport report = trainer.evaluate(store, ConstantScoresProvider.NAME, Map.of("weight", "2"),
                    Splitter.leaveLastOut(1), List.of("hr@5", "mrr"), Trainer.DEFAULT_WEIGHTING, CONTEXT);

            assertThat(report.values()).containsOnlyKeys("hr@5", "mrr");
            assertThat(report.usersEvaluated()).isEqualTo(SampleShopConfig.ofEvents(2000).users());
            assertThat(report.get("mrr")).isBetween(0.0, 1.0);
        }
    }

    @Test
    void namesAreCheckedBeforeTheEmptyStoreIsNoticed() {
        try (RecsysStore store = RecsysStore.open(tmp.resolve("empty.db"))) {
            assertThatThrownBy(() -> trainer.evaluate(store, ConstantScoresProvider.NAME, Map.of(),
                    Splitter.leaveLastOut(1), List.of("ndcg@ten"), Trainer.DEFAULT_WEIGHTING, CONTEXT))
                    .isInstanceOf(UnknownNameException.class).hasMessageContaining("metric 'ndcg@ten'");
            assertThatThrownBy(() -> trainer.evaluate(store, "nope", Map.of(), Splitter.leaveLastOut(1),
                    List.of("hr@10"), Trainer.DEFAULT_WEIGHTING, CONTEXT))
                    .isInstanceOf(UnknownNameException.class).hasMessageContaining(ConstantScoresProvider.NAME);
            assertThatThrownBy(() -> trainer.evaluate(store, ConstantScoresProvider.NAME, Map.of(),
                    Splitter.leaveLastOut(1), List.of("hr@10"), Trainer.DEFAULT_WEIGHTING, CONTEXT))
                    .isInstanceOf(InvalidDataException.class).hasMessageContaining("holds no events");
        }
    }
}
