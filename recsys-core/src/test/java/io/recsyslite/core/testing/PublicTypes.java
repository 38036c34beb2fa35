package io.recsyslite.core.testing;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The public top-level types of a module's main classes, for tests of the API surface. */
public final class PublicTypes {
    private PublicTypes() {
    }

    /** The fully qualified names of the public top-level types in the classes directory (or jar's root) of {@code anchor}. */
    public static List<String> besides(Class<?> anchor) throws IOException, URISyntaxException {
        Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", ""))
                    .filter(name -> !name.endsWith("package-info") && isPublic(name, anchor.getClassLoader()))
                    .toList();
        }
    }

    /** Whether the name is outside every package named {@code internal}. */
    public static boolean isExported(String name) {
        return !name.contains(".internal.");
    }

    private static boolean isPublic(String name, ClassLoader loader) {
        try {
            return Modifier.isPublic(Class.forName(name, false, loader).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
