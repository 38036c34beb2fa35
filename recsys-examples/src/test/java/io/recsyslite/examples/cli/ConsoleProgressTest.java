package io.recsyslite.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    @Test
    void terminalRedrawsOneLinePerStageWithTimeLeftAndEndsItWhenDone() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), true, now::get);
        progress.update("load", 0, -1);
        progress.update("build", 0, 2);
        now.addAndGet(4 * SECOND);
        progress.update("build", 2, 2);
        progress.update("fit", 0, 4);
        now.addAndGet(10 * SECOND);
        progress.update("fit", 1, 4);
        progress.finish();

        String[] lines = text.toString().split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\rload").endsWith(" 0  0:00");
        assertThat(lines[1]).startsWith("\rbuild").contains("  0% (0/2) ETA --:--")
                .endsWith("100% (2/2) in 0:04");
        // a quarter done after 10 s: 30 s to go
        assertThat(lines[2]).startsWith("\rfit").endsWith(" 25% (1/4) ETA 0:30");
        assertThat(lines[3]).isEmpty();
    }

    @Test
    void withoutTerminalEachStageIsOneLineWhenItEnds() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false, now::get);
        progress.update("load", 0, -1);
        now.addAndGet(SECOND);
        progress.update("checksum", 1, 10);
        progress.update("checksum", 2, 10);
        now.addAndGet(2 * SECOND);
        progress.update("checksum", 10, 10);
        progress.update("fit", 5, -1);
        now.addAndGet(3 * SECOND);
        progress.finish();

        assertThat(text.toString()).doesNotContain("\r").isEqualTo(
                "load done in 0:01\nchecksum done 10/10 in 0:02\nfit done 5 in 0:03\n");
    }

    @Test
    void withoutTerminalALongStageReportsEvery30SecondsWithTimeLeft() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false, now::get);
        progress.update("fit", 0, 100);
        for (int i = 1; i < 100; i++) {
            now.addAndGet(SECOND);
            progress.update("fit", i, 100);
        }
        // 99 s of updates: one line at 30, 60 and 90 s, nothing else until the stage ends
        assertThat(text.toString().split("\n")).hasSize(3)
                .allMatch(line -> line.startsWith("fit") && line.contains("ETA"));
        assertThat(text.toString().split("\n")[0]).contains("(30/100) ETA 1:10");
    }

    @Test
    void clockShowsHoursOnlyWhenNeeded() {
        assertThat(ConsoleProgress.clock(59 * SECOND)).isEqualTo("0:59");
        assertThat(ConsoleProgress.clock(3725 * SECOND)).isEqualTo("1:02:05");
    }
}
