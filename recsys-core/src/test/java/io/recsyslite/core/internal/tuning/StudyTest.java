package io.recsyslite.core.internal.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
    private static final ParamSpace MODES = ParamSpace.of(
            ParamSpec.categorical("mode", "ok", "ok", "throw", "nan", "oom"),
            ParamSpec.floatRange("x", 1.0, 0.0, 100.0));

    /** Plays back fixed parameters, one map per trial number. */
    private static Sampler script(List<Map<String, Object>> perTrial) {
        return (space, finished, direction, number) -> perTrial.get(number);
    }

    private static Map<String, Object> p(String mode, double x) {
        return Map.of("mode", mode, "x", x);
    }

    @Test
    void failingTrialsAreRecordedAndTheStudyGoesOn() {
        Study study = Study.builder("failures", MODES).pruner(Pruner.NONE).trials(6)
                .sampler(script(List.of(p("ok", 1), p("throw", 2), p("nan", 3), p("oom", 4), p("bogus", 5), p("ok", 6))))
                .build();
        StudyResult result = study.optimize((params, reporter) -> switch (params.getString("mode")) {
            case "throw" -> throw new IllegalStateException("factorization did not converge");
            case "nan" -> Double.NaN;
            case "oom" -> throw new OutOfMemoryError("Java heap space");
            default -> params.getDouble("x");
        });
        assertThat(result.trials()).extracting(Trial::state).containsExactly(TrialState.COMPLETE, TrialState.FAIL,
                TrialState.FAIL, TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE);
        assertThat(result.trials().get(1).error()).contains("IllegalStateException", "did not converge");
        assertThat(result.trials().get(2).error()).contains("NaN");
        assertThat(result.trials().get(3).error()).contains("OutOfMemoryError");
        assertThat(result.trials().get(4).error()).contains("'mode'", "bogus");
        assertThat(result.trials().get(4).params()).containsEntry("mode", "bogus");
        assertThat(result.requireBest().number()).isEqualTo(5);
    }

    @Test
    void medianPrunerStopsAClearlyBadTrialButNeverTheFirstOnes() {
        List<Map<String, Object>> xs = new ArrayList<>();
        for (double x : new double[] {5, 0.01, 4, 6, 5, 0.1, 7}) {
            xs.add(p("ok", x));
        }
        List<Integer> stepsRun = new ArrayList<>();
        StudyResult result = Study.builder("pruning", MODES).sampler(script(xs)).pruner(new MedianPruner())
                .trials(7).build()
                .optimize((params, reporter) -> {
                    double x = params.getDouble("x");
                    int step = 0;
                    while (step < 5) { // an "epoch loop" whose metric grows with x
                        step++;
                        stepsRun.add(reporter.trialNumber());
                        reporter.report(step, x * step);
                    }
                    return x * step;
                });
        assertThat(result.trials()).extracting(Trial::state).containsExactly(TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.PRUNED, TrialState.COMPLETE);
        Trial pruned = result.trials().get(5);
        assertThat(pruned.intermediate()).containsOnlyKeys(1);
        assertThat(pruned.value()).isEqualTo(0.1);
        assertThat(stepsRun.stream().filter(n -> n == 5)).hasSize(1);
        assertThat(result.trials().get(1).intermediate()).hasSize(5); // bad, but among the startup trials
    }

    @Test
    void writesBestParamsAndTheTrialTable(@TempDir Path dir) throws Exception {
        StudyResult result = Study.builder("files", QuadraticObjective.SPACE).direction(Direction.MINIMIZE)
                .trials(12).build().optimize(new QuadraticObjective());
        result.writeBestParams(dir.resolve("out/best_params.json"), "loss", Map.of("test_value", 0.5));
        result.writeTrialsCsv(dir.resolve("out/trials.csv"));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/best_params.json").toFile());
        Trial best = result.requireBest();
        assertThat(json.get("trial").asInt()).isEqualTo(best.number());
        assertThat(json.get("value").asDouble()).isEqualTo(best.value());
        assertThat(json.get("metric").asText()).isEqualTo("loss");
        assertThat(json.get("direction").asText()).isEqualTo("minimize");
        assertThat(json.get("params").get("x").asDouble()).isEqualTo((Double) best.params().get("x"));
        assertThat(json.get("params").get("unused").asInt()).isEqualTo(7);
        assertThat(json.get("test_value").asDouble()).isEqualTo(0.5);

        List<String> csv = Files.readAllLines(dir.resolve("out/trials.csv"));
        assertThat(csv).hasSize(13);
        assertThat(csv.get(0)).startsWith("number,state,value,seconds,param_x,param_lr,param_kind,param_unused");
        assertThat(csv.get(1)).startsWith("0,COMPLETE,");
    }

    @Test
    void progressGetsOneLinePerTrial() {
        List<String> lines = new ArrayList<>();
        Study.builder("progress", QuadraticObjective.SPACE).direction(Direction.MINIMIZE).trials(3)
                .progress((line, done, total) -> lines.add(done + "/" + total + " " + line))
                .build().optimize(new QuadraticObjective());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("3/3 ").contains("trial 3/3", "COMPLETE", "value=", "best=");
    }

    @Test
    void aSpaceWithNothingToTuneRunsOneTrial() {
        ParamSpace fixed = ParamSpace.of(ParamSpec.fixedCategorical("count", "users", "users", "confidence"));
        StudyResult result = Study.builder("fixed", fixed).trials(20).build().optimize((p, r) -> 1.0);
        assertThat(result.trials()).hasSize(1);
        assertThat(result.trials().get(0).params()).containsEntry("count", "users");
    }

    @Test
    void anExistingStudyIsNotOverwrittenWithoutResume() {
        InMemoryTrialStorage storage = new InMemoryTrialStorage();
        Study.builder("twice", QuadraticObjective.SPACE).storage(storage).trials(2).build()
                .optimize(new QuadraticObjective());
        assertThatThrownBy(() -> Study.builder("twice", QuadraticObjective.SPACE).storage(storage).trials(4).build()
                .optimize(new QuadraticObjective()))
                .isInstanceOf(RecsysException.class).hasMessageContaining("already has 2 finished trials");
        assertThat(storage.load("twice")).hasSize(2);
    }

    @Test
    void noCompletedTrialIsAClearError() {
        StudyResult result = Study.builder("hopeless", QuadraticObjective.SPACE).trials(2).build()
                .optimize((p, r) -> { throw new IllegalArgumentException("boom"); });
        assertThat(result.best()).isEmpty();
        assertThatThrownBy(result::requireBest).isInstanceOf(RecsysException.class)
                .hasMessageContaining("none of its 2 trials completed");
    }
}
