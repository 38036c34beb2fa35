package io.recsyslite.core.internal.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trials of a study (stored ones included after a resume) and the files made from them.
 * Immutable.
 */
public record StudyResult(String study, Direction direction, List<Trial> trials) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public StudyResult {
        trials = List.copyOf(trials);
    }

    /** The complete trial with the best value (the earliest on a tie), if any completed. */
    public Optional<Trial> best() {
        Trial best = null;
        for (Trial t : trials) {
            if (t.state() == TrialState.COMPLETE && (best == null || direction.better(t.value(), best.value()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The best trial, or a clear error when no trial completed. */
    public Trial requireBest() {
        return best().orElseThrow(() -> new RecsysException("study '" + study + "': none of its "
                + trials.size() + " trials completed; see the errors in the trial table"));
    }

    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }

    /**
     * Writes {@code best_params.json}-style output: study, metric, direction, best trial number,
     * its value and params, plus {@code extra} entries (e.g. the test-set score).
     */
    public void writeBestParams(Path file, String metric, Map<String, ?> extra) throws IOException {
        Trial best = requireBest();
        ObjectNode json = JSON.createObjectNode();
        json.put("study", study);
        json.put("metric", metric);
        json.put("direction", direction.name().toLowerCase(Locale.ROOT));
        json.put("trial", best.number());
        json.put("value", best.value());
        json.set("params", JSON.valueToTree(best.params()));
        extra.forEach((k, v) -> json.set(k, JSON.valueToTree(v)));
        AtomicFiles.writeString(file, JSON.writeValueAsString(json) + "\n");
    }

    /**
     * Writes every trial as CSV: number, state, value, seconds, one column per parameter
     * ({@code param_<name>}), steps reported, last step, error.
     */
    public void writeTrialsCsv(Path file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.params().keySet()));
        StringBuilder csv = new StringBuilder("number,state,value,seconds");
        names.forEach(n -> csv.append(",param_").append(n));
        csv.append(",steps,last_step,intermediate,error\n");
        for (Trial t : trials) {
            double seconds = (t.finishedAt().toEpochMilli() - t.startedAt().toEpochMilli()) / 1000.0;
            csv.append(t.number()).append(',').append(t.state()).append(',')
                    .append(Double.isNaN(t.value()) ? "" : Double.toString(t.value())).append(',').append(seconds);
            names.forEach(n -> csv.append(',').append(cell(t.params().get(n))));
            csv.append(',').append(t.intermediate().size()).append(',').append(t.lastStep() < 0 ? "" : t.lastStep())
                    .append(',').append(cell(compactJson(t.intermediate())))
                    .append(',').append(cell(t.error())).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    private static String compactJson(Map<?, ?> map) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
