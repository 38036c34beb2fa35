package io.recsyslite.examples.cli;

import io.recsyslite.core.spi.ProgressListener;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Draws a one-line progress bar on stderr, redrawn at most ten times a second and whenever the
 * stage changes. When stderr is not a terminal (CI logs, pipes) it prints a plain line instead,
 * at most every few seconds. Thread-safe.
 */
final class ConsoleProgress implements ProgressListener {
    /** Set by the {@code recsys-lite} launcher script: whether stderr is a terminal. */
    static final String STDERR_TERMINAL_PROPERTY = "recsyslite.stderrTerminal";
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LOG_LINE_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private String stage = "";
    private long lastDraw;
    private boolean lineOpen;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
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
    public synchronized void update(String newStage, long done, long total) {
        long now = System.nanoTime();
        boolean stageChanged = !newStage.equals(stage);
        boolean finished = total > 0 && done >= total;
        if (!stageChanged && !finished && now - lastDraw < (terminal ? REDRAW_NANOS : LOG_LINE_NANOS)) {
            return;
        }
        if (!terminal) {
            stage = newStage;
            lastDraw = now;
            out.println(render(newStage, done, total));
            out.flush();
            return;
        }
        if (stageChanged && lineOpen) {
            out.println();
        }
        stage = newStage;
        lastDraw = now;
        out.print("\r" + render(newStage, done, total));
        lineOpen = !finished;
        if (finished) {
            out.println();
        }
        out.flush();
    }

    /** Ends an unfinished bar so following output starts on a new line. */
    synchronized void finish() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    static String render(String stage, long done, long total) {
        if (total <= 0) {
            return String.format("%-28s %,d", stage, done);
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("%-28s [%s%s] %3d%% (%,d/%,d)", stage, "#".repeat(filled), " ".repeat(WIDTH - filled),
                (int) Math.round(fraction * 100), done, total);
    }
}
