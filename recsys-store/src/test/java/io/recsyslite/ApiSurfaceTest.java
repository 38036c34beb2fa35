package io.recsyslite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store module's public API is the facade package; everything else public is in a package named internal. */
class ApiSurfaceTest {
    @Test
    void aShopLearnsSevenTypesFromOnePackageAndEverythingElseIsInternal() throws Exception {
        List<Class<?>> published = publicTopLevelTypes().stream()
                .filter(c -> !c.getPackageName().contains(".internal.") && !c.getPackageName().endsWith(".internal"))
                .toList();

        assertThat(published).extracting(Class::getName).containsExactlyInAnyOrder(
                "io.recsyslite.RecSys", "io.recsyslite.RecSysConfig", "io.recsyslite.TrainRequest",
                "io.recsyslite.RecommendOptions", "io.recsyslite.Recommendations", "io.recsyslite.RecommendedItem",
                "io.recsyslite.LiveEvent");
    }

    private static List<Class<?>> publicTopLevelTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(RecSys.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .filter(name -> !name.endsWith("package-info"))
                    .<Class<?>>map(ApiSurfaceTest::load)
                    .filter(c -> Modifier.isPublic(c.getModifiers()))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
