package io.recsyslite.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The serve command's option handling; the server itself is tested in the server package. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownIndexTypeFailsBeforeServingAndNamesTheKnownOnes() {
        CommandLine cli = RecsysLiteCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("serve", "--index", "no-such-index", "--model-dir", dir.resolve("model").toString(),
                "--db", dir.resolve("recsys.db").toString(), "--port", "0");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no-such-index").contains("exact");
    }

    @Test
    void variantsAreNameDirAndWeightAndBadOnesAreRefused() {
        java.util.Map<String, Path> dirs = new java.util.LinkedHashMap<>();
        var split = ServeCommand.parseVariants(java.util.List.of("a=models/als:70", "b=/abs/c:d/pop:30"), dirs);
        assertThat(split.names()).containsExactly("a", "b");
        assertThat(split.share("a")).isEqualTo(0.7);
        assertThat(dirs).containsEntry("a", Path.of("models/als")).containsEntry("b", Path.of("/abs/c:d/pop"));

        CommandLine cli = RecsysLiteCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--variant", "a=models/als", "--db", dir.resolve("recsys.db").toString()))
                .isNotZero();
        assertThat(err.toString()).contains("NAME=DIR:WEIGHT");
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = RecsysLiteCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--model-dir", "--db", "--host", "--port", "--index", "--api-key",
                "--cors-origin", "--demo-dir", "--dashboard-dir", "--[no-]watch-model", "--variant",
                "--conversion-window-hours");
    }
}
