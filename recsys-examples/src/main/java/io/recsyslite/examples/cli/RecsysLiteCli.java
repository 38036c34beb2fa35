package io.recsyslite.examples.cli;

import io.recsyslite.core.LibraryVersion;
import io.recsyslite.core.error.RecsysException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code recsys-lite} command line. Commands are thin: they parse options, call the library
 * and print. Errors a user causes print one line ({@code Error: ...}) and exit 1; bad options
 * exit 2 with usage help.
 */
@Command(name = "recsys-lite", mixinStandardHelpOptions = true, versionProvider = RecsysLiteCli.Version.class,
        description = "Embeddable recommendations for small shops: ingest, train, evaluate, tune, serve.",
        subcommands = {CommandLine.HelpCommand.class, GenerateSampleCommand.class, IngestCommand.class,
                TrainCommand.class, EvaluateCommand.class, OptimizeCommand.class, LookCommands.Recommend.class,
                LookCommands.Similar.class, RecommendAllCommand.class, ServeCommand.class, SimulateTrafficCommand.class,
                StatsCommand.class, WorkerCommand.class, GdprCommand.class, AlgorithmsCommand.class})
public final class RecsysLiteCli {
    private RecsysLiteCli() {
    }

    public static void main(String[] args) {
        configureLogging(System.getenv().getOrDefault("LOG_LEVEL", "INFO"));
        System.exit(commandLine().execute(args));
    }

    /** slf4j-simple reads these once, when the first logger is made: set them before anything logs. */
    private static void configureLogging(String level) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level.toLowerCase(java.util.Locale.ROOT));
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        // ojAlgo (ALS, EASE) prints a hardware-profile banner to stdout unless told not to.
        System.setProperty("shut.up.ojAlgo", "true");
    }

    /** The configured command line; tests run commands through it without exiting the JVM. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RecsysLiteCli());
        TrainCommand.addParameterHelp(cli.getSubcommands().get("train"));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("Error: " + userMessage(e));
            if (!(e instanceof RecsysException) && !(e instanceof IOException) && !(e instanceof UncheckedIOException)) {
                e.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cli;
    }

    private static String userMessage(Throwable e) {
        if (e instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile() + (nsf.getReason() == null ? "" : " (" + nsf.getReason() + ")");
        }
        if (e instanceof UncheckedIOException u) {
            return userMessage(u.getCause());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"recsys-lite " + LibraryVersion.get()};
        }
    }
}
