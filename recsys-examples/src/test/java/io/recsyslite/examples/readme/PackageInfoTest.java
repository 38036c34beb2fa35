package io.recsyslite.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of every module's main sources says what it is for in a package-info.java. */
class PackageInfoTest {
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void everyMainPackageHasAPackageInfo() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(REPOSITORY, 12)) {
            packages = files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("node_modules")
                            && f.toString().contains("/src/main/java/"))
                    .map(Path::getParent).distinct().toList();
        }
        assertThat(packages).as("packages found").hasSizeGreaterThan(30);
        assertThat(packages).filteredOn(p -> !Files.exists(p.resolve("package-info.java")))
                .as("packages without a package-info.java").isEmpty();
    }
}
