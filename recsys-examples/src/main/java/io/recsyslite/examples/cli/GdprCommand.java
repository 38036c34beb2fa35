package io.recsyslite.examples.cli;

import io.recsyslite.internal.serving.Gdpr;
import io.recsyslite.internal.serving.UserDataExport;
import io.recsyslite.internal.store.RecsysStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite gdpr export-user | delete-user}. */
@Command(name = "gdpr", mixinStandardHelpOptions = true, description = "GDPR access and erasure requests.",
        subcommands = {GdprCommand.ExportUser.class, GdprCommand.DeleteUser.class})
final class GdprCommand {
    private GdprCommand() {
    }

    @Command(name = "export-user", mixinStandardHelpOptions = true,
            description = "Write everything stored about a user as JSON (events, their items, audit entries).")
    static final class ExportUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--user-id", required = true, description = "The user.")
        String userId;

        @Option(names = "--output", required = true, description = "JSON file to write.")
        Path output;

        @Override
        public Integer call() throws Exception {
            UserDataExport export;
            try (RecsysStore store = RecsysStore.open(common.existingDb())) {
                export = Gdpr.export(store, userId);
            }
            Gdpr.write(export, output);
            spec.commandLine().getOut().printf("Exported %,d events of %s to %s%n", export.events().size(), userId, output);
            return 0;
        }
    }

    @Command(name = "delete-user", mixinStandardHelpOptions = true,
            description = "Erase a user: their events, and their traces in the given model directories.")
    static final class DeleteUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--user-id", required = true, description = "The user.")
        String userId;

        @Option(names = "--model-dir", description = "Model directory to scrub now (repeatable); others are "
                + "scrubbed before they are next served.")
        List<Path> modelDirs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            long removed;
            try (RecsysStore store = RecsysStore.open(common.existingDb())) {
                removed = Gdpr.deleteUser(store, userId, modelDirs);
            }
            var out = spec.commandLine().getOut();
            out.printf("Deleted %,d events of %s%n", removed, userId);
            out.println(modelDirs.isEmpty()
                    ? "Models are scrubbed of the user before they are next served."
                    : "Scrubbed the user from " + modelDirs);
            return 0;
        }
    }
}
