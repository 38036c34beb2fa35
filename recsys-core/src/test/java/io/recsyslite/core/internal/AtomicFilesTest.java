package io.recsyslite.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = tmp.resolve("sub/study.json");
        AtomicFiles.writeString(file, "old");
        AtomicFiles.writeString(file, "new ü");
        assertThat(Files.readString(file)).isEqualTo("new ü");
        try (var s = Files.list(file.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("study.json");
        }
    }

    @Test
    void theFileGetsThePermissionsTheUmaskGivesAnyNewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = tmp.resolve("chart.html");
        AtomicFiles.writeString(file, "<html></html>");
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain"))));
    }
}
