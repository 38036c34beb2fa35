package io.recsyslite.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final StringWriter text = new StringWriter();

    @Test
    void terminalRedrawsOneLinePerStageAndEndsItWhenDone() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), true);
        progress.update("load", 0, -1);
        progress.update("build", 0, 2);
        progress.update("build", 2, 2);
        progress.update("fit", 1, 4);
        progress.finish();

        String[] lines = text.toString().split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\rload").endsWith(" 0");
        assertThat(lines[1]).startsWith("\rbuild").contains("  0% (0/2)").contains("\rbuild").endsWith("100% (2/2)");
        assertThat(lines[2]).startsWith("\rfit").endsWith(" 25% (1/4)");
        assertThat(lines[3]).isEmpty();
    }

    @Test
    void withoutTerminalEveryDrawIsAPlainLine() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false);
        progress.update("checksum", 1, 10);
        progress.update("checksum", 2, 10); // within the throttle interval: dropped
        progress.update("checksum", 10, 10);
        progress.finish();

        assertThat(text.toString()).doesNotContain("\r").isEqualTo(
                ConsoleProgress.render("checksum", 1, 10) + "\n" + ConsoleProgress.render("checksum", 10, 10) + "\n");
    }
}
