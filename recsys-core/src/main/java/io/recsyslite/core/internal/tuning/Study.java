package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.core.spi.TrialPrunedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials of an {@link Objective} one after another: the sampler picks the tunable parameters
 * (the others keep their defaults), the objective scores them, and each finished trial is stored
 * before the next starts. A trial that throws, runs out of memory, returns NaN/infinity or gets a
 * bad parameter is stored as FAIL with its message and the study goes on; a trial the pruner stops
 * is stored as PRUNED. {@code trials} is the total the study should reach: a resumed study loads
 * its stored trials (the sampler sees them), continues their numbering and runs the rest. Knows
 * nothing about recommenders or evaluation. Not thread-safe: call {@link #optimize} from one thread.
 */
public final class Study {
    private static final Logger LOG = LoggerFactory.getLogger(Study.class);
    private final String name;
    private final ParamSpace space;
    private final Direction direction;
    private final Sampler sampler;
    private final Pruner pruner;
    private final TrialStorage storage;
    private final int trials;
    private final boolean resume;
    private final ProgressListener progress;

    private Study(Builder b) {
        this.name = b.name;
        this.space = b.space;
        this.direction = b.direction;
        this.sampler = b.sampler;
        this.pruner = b.pruner;
        this.storage = b.storage;
        this.trials = b.trials;
        this.resume = b.resume;
        this.progress = b.progress;
    }

    /** A study of {@code space}; defaults: maximize, TPE seeded 42, median pruner, in-memory, 20 trials. */
    public static Builder builder(String name, ParamSpace space) {
        return new Builder(name, space);
    }

    /**
     * Runs trials until the study has {@code trials} finished ones (just one when nothing is
     * tunable). Returns early, without storing the running trial, when the thread is interrupted.
     *
     * @throws RecsysException when the study already has trials but {@code resume} is off, or the
     *                         storage fails
     */
    public StudyResult optimize(Objective objective) {
        List<Trial> history = new ArrayList<>(storage.load(name));
        if (!history.isEmpty() && !resume) {
            throw new RecsysException("study '" + name + "' already has " + history.size()
                    + " finished trials; resume it or choose another study name");
        }
        int target = space.specs().stream().anyMatch(ParamSpec::tunable) ? trials : Math.min(trials, 1);
        int next = history.stream().mapToInt(Trial::number).max().orElse(-1) + 1;
        if (!history.isEmpty()) {
            LOG.info("study '{}': resuming after {} finished trials", name, history.size());
        }
        while (history.size() < target && !Thread.currentThread().isInterrupted()) {
            Trial trial = run(objective, next++, history);
            if (trial == null) {
                break;
            }
            storage.save(name, trial);
            history.add(trial);
            report(trial, history, target);
        }
        return new StudyResult(name, direction, history);
    }

    /** One trial; null when interrupted. */
    private Trial run(Objective objective, int number, List<Trial> history) {
        Instant started = Instant.now();
        SortedMap<Integer, Double> intermediate = new TreeMap<>();
        Map<String, Object> values = Map.of();
        try {
            values = sampler.sample(space, List.copyOf(history), direction, number);
            Params params = space.resolve(values);
            values = params.asMap();
            double value = objective.evaluate(params, new Reporter(number, intermediate, List.copyOf(history)));
            if (!Double.isFinite(value)) {
                return finished(number, TrialState.FAIL, Double.NaN, values, intermediate,
                        "objective returned " + value + " (diverged?)", started);
            }
            return finished(number, TrialState.COMPLETE, value, values, intermediate, null, started);
        } catch (TrialPrunedException e) {
            double last = intermediate.isEmpty() ? Double.NaN : intermediate.get(intermediate.lastKey());
            return finished(number, TrialState.PRUNED, last, values, intermediate, null, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception | OutOfMemoryError e) {
            LOG.warn("study '{}': trial {} failed", name, number, e);
            return finished(number, TrialState.FAIL, Double.NaN, values, intermediate, describe(e), started);
        }
    }

    private static Trial finished(int number, TrialState state, double value, Map<String, Object> params,
                                  SortedMap<Integer, Double> intermediate, String error, Instant started) {
        return new Trial(number, state, value, params, intermediate, error, started, Instant.now());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void report(Trial trial, List<Trial> history, int target) {
        StudyResult sofar = new StudyResult(name, direction, history);
        String best = sofar.best().map(b -> String.format(Locale.ROOT, "%.6g (trial %d)", b.value(), b.number()))
                .orElse("none");
        String outcome = trial.state() == TrialState.FAIL ? "error=" + trial.error()
                : String.format(Locale.ROOT, "value=%.6g", trial.value());
        String line = String.format(Locale.ROOT, "tuning %s: trial %d/%d %s %s best=%s", name, history.size(),
                target, trial.state(), outcome, best);
        LOG.info(line);
        progress.update(line, history.size(), target);
    }

    /** Collects a running trial's intermediate values and asks the pruner after each. */
    private final class Reporter implements TrialReporter {
        private final int number;
        private final SortedMap<Integer, Double> intermediate;
        private final List<Trial> finished;

        Reporter(int number, SortedMap<Integer, Double> intermediate, List<Trial> finished) {
            this.number = number;
            this.intermediate = intermediate;
            this.finished = finished;
        }

        @Override
        public int trialNumber() {
            return number;
        }

        @Override
        public void report(int step, double value) {
            intermediate.put(step, value);
            if (pruner.shouldPrune(step, intermediate, finished, direction)) {
                throw new TrialPrunedException("trial " + number + " pruned at step " + step + " (value " + value + ")");
            }
        }
    }

    /** Settings of a {@link Study}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final ParamSpace space;
        private Direction direction = Direction.MAXIMIZE;
        private Sampler sampler = new TpeSampler(42);
        private Pruner pruner = new MedianPruner();
        private TrialStorage storage = new InMemoryTrialStorage();
        private int trials = 20;
        private boolean resume;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder(String name, ParamSpace space) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a study needs a name");
            }
            this.name = name;
            this.space = Objects.requireNonNull(space, "space");
        }

        public Builder direction(Direction d) {
            this.direction = Objects.requireNonNull(d);
            return this;
        }

        public Builder sampler(Sampler s) {
            this.sampler = Objects.requireNonNull(s);
            return this;
        }

        public Builder pruner(Pruner p) {
            this.pruner = Objects.requireNonNull(p);
            return this;
        }

        /** Where finished trials go; the caller closes it. */
        public Builder storage(TrialStorage s) {
            this.storage = Objects.requireNonNull(s);
            return this;
        }

        /** Total number of trials the study should have (stored ones included when resuming). */
        public Builder trials(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("trials must be >= 1, was " + n);
            }
            this.trials = n;
            return this;
        }

        /** Continue a study whose trials are already stored; without it such a study is an error. */
        public Builder resume(boolean r) {
            this.resume = r;
            return this;
        }

        /** Told once per finished trial: a readable line, trials done, trials in all. */
        public Builder progress(ProgressListener p) {
            this.progress = p == null ? ProgressListener.NONE : p;
            return this;
        }

        public Study build() {
            return new Study(this);
        }
    }
}
