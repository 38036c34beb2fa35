package io.recsyslite.benchmarks.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check of online evaluation: on simulated shoppers who click what matches their
 * latent preferences, ALS beats popularity with significance through the real REST server, and
 * popularity does not beat ALS.
 */
class AbTestSimulationTest {
    @TempDir
    Path dir;

    @Test
    void alsWinsWithSignificanceAndPopularityDoesNot() throws Exception {
        AbTestSimulation.Config config = new AbTestSimulation.Config(20_000, 300, 2, Duration.ofMinutes(3), 42);
        AbTestSimulation.Outcome outcome = AbTestSimulation.run(config, dir);
        JsonNode stats = outcome.stats();

        assertThat(stats.get("variants")).extracting(v -> v.get("variant").asText())
                .containsExactly(AbTestSimulation.BASELINE, AbTestSimulation.CHALLENGER);
        for (JsonNode v : stats.get("variants")) {
            assertThat(v.get("impressions").asLong()).as(v.toString()).isGreaterThan(500);
        }
        JsonNode comparison = stats.get("comparisons").get(0);
        assertThat(comparison.get("variant").asText()).isEqualTo(AbTestSimulation.CHALLENGER);
        JsonNode ctr = comparison.get("ctr");
        assertThat(ctr.get("difference").asDouble()).isPositive();
        assertThat(ctr.get("low").asDouble()).isPositive();
        assertThat(ctr.get("significant").asBoolean()).isTrue();
        assertThat(comparison.get("conversion_rate").get("difference").asDouble()).isPositive();
        // popularity does not win: no significant difference in its favour on either rate
        for (String metric : new String[] {"ctr", "conversion_rate"}) {
            JsonNode r = comparison.get(metric);
            assertThat(r.get("significant").asBoolean() && r.get("difference").asDouble() < 0).as(metric).isFalse();
        }
        assertThat(AbTestSimulation.summary(config, outcome)).contains("two-proportion z-test", "als - popularity");
    }
}
