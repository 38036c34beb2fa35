package io.recsyslite.core.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchmarkProtocolTest {
    /** Ranks items 0, 1, 2, ... for everyone and remembers what it was trained on. */
    private static final class InOrderProvider implements RecommenderProvider {
        TrainingData trainedOn;

        @Override
        public String name() {
            return "in-order";
        }

        @Override
        public String description() {
            return "items in id order";
        }

        @Override
        public ParamSpace paramSpace() {
            return ParamSpace.of();
        }

        @Override
        public Recommender fit(TrainingData data, Params params, TrainingContext context) {
            trainedOn = data;
            Map<Integer, int[]> rankings = new HashMap<>();
            for (int u = 0; u < data.numUsers(); u++) {
                rankings.put(u, IntStream.range(0, data.numItems()).toArray());
            }
            return new FixedRankingRecommender(data.numUsers(), data.numItems(), rankings, recent -> new int[0]);
        }

        @Override
        public Recommender load(ArtifactReader in) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void runFitsOnAllButEachUsersLastEventAndEvaluatesTheDefaultMetrics() {
        InOrderProvider provider = new InOrderProvider();
        EvaluationReport report = BenchmarkProtocol.run(provider, ParamSpace.of().defaults(), SplitterTest.data(),
                TrainingContext.singleThreaded(1));
        assertThat(provider.trainedOn.sequences().totalEvents()).isEqualTo(8 - 3);
        assertThat(report.values().keySet()).containsExactlyElementsOf(BenchmarkProtocol.DEFAULT_METRICS);
        assertThat(report.usersEvaluated()).isEqualTo(3);
        // held out: item 2 (rank 3), item 4 (rank 5), item 5 (rank 6)
        double log2 = Math.log(2);
        assertThat(report.get("hr@10")).isEqualTo(1.0);
        assertThat(report.get("ndcg@10")).isCloseTo(
                (log2 / Math.log(4) + log2 / Math.log(6) + log2 / Math.log(7)) / 3, within(1e-9));
        assertThat(report.get("coverage@20")).isEqualTo(1.0);
    }
}
