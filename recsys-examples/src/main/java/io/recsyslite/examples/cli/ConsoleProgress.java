package io.recsyslite.examples.cli;

import io.recsyslite.core.spi.ProgressListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress on stderr. On a terminal: a one-line bar with the time left, redrawn at most ten times a
 * second and whenever the stage changes. Otherwise (CI logs, pipes): one line per stage when it
 * ends, with what it did and how long it took, and for a stage that runs long one line every 30 s
 * with its time left. Thread-safe.
 */
final class ConsoleProgress implements ProgressListener {
    /** Set by the {@code recsys-lite} launcher script: whether stderr is a terminal. */
    static final String STDERR_TERMINAL_PROPERTY = "recsyslite.stderrTerminal";
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LOG_LINE_NANOS = 30_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private String stage = "";
    private long done;
    private long total;
    private long stageStart;
    private long lastDraw;
    private boolean lineOpen;
    private boolean stageReported = true;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    ConsoleProgress(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
    }

    /**
     * Progress on the command's stderr; a bar when the launcher says stderr is a terminal (without
     * the launcher, when the process has a console).
     */
    static ConsoleProgress onStderr(CommandSpec command) {
        String told = System.getProperty(STDERR_TERMINAL_PROPERTY);
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return new ConsoleProgress(command.commandLine().getErr(), terminal);
    }

    @Override
    public synchronized void update(String newStage, long newDone, long newTotal) {
        long now = clock.getAsLong();
        boolean stageChanged = !newStage.equals(stage);
        if (stageChanged) {
            endStage(now);
            stage = newStage;
            stageStart = now;
            stageReported = false;
        }
        done = newDone;
        total = newTotal;
        boolean finished = total > 0 && done >= total;
        if (terminal) {
            if (stageChanged || finished || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + render(stage, done, total, now - stageStart));
                lineOpen = !finished;
                if (finished) {
                    out.println();
                }
            }
        } else if (finished) {
            endStage(now);
        } else if (now - Math.max(lastDraw, stageStart) >= LOG_LINE_NANOS) {
            lastDraw = now;
            out.println(render(stage, done, total, now - stageStart));
        }
        out.flush();
    }

    /** Ends the last stage: closes an unfinished bar, or reports the stage in plain-line mode. */
    synchronized void finish() {
        endStage(clock.getAsLong());
        out.flush();
    }

    private void endStage(long now) {
        if (terminal) {
            if (lineOpen) {
                out.println();
                lineOpen = false;
            }
        } else if (!stageReported) {
            out.println(summary(stage, done, total, now - stageStart));
        }
        stageReported = true;
    }

    /** A bar (or a count when the total is unknown) with the time left, or the time taken once done. */
    static String render(String stage, long done, long total, long elapsedNanos) {
        if (total <= 0) {
            return String.format("%-28s %,d  %s", stage, done, clock(elapsedNanos));
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String time = done >= total ? "in " + clock(elapsedNanos)
                : done > 0 ? "ETA " + clock((long) (elapsedNanos * ((double) (total - done) / done)))
                : "ETA --:--";
        return String.format("%-28s [%s%s] %3d%% (%,d/%,d) %s", stage, "#".repeat(filled),
                " ".repeat(WIDTH - filled), (int) Math.round(fraction * 100), done, total, time);
    }

    static String summary(String stage, long done, long total, long elapsedNanos) {
        String count = total > 0 ? String.format(" %,d/%,d", done, total) : done > 0 ? String.format(" %,d", done) : "";
        return String.format("%s done%s in %s", stage, count, clock(elapsedNanos));
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
