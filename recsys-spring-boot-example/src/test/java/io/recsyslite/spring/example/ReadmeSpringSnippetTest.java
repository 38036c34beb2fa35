package io.recsyslite.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Spring Boot example, taken out of README.md as written, compiles against the
 * starter and Spring Boot (running a Boot app over a shop is ShopApplicationTest's part).
 */
class ReadmeSpringSnippetTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void springBootExampleCompiles(@TempDir Path dir) throws Exception {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("## Spring Boot"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("a java block in the README's Spring Boot section").isTrue();
        Matcher className = Pattern.compile("public class (\\w+)").matcher(block.group(1));
        assertThat(className.find()).isTrue();
        Path source = dir.resolve(className.group(1) + ".java");
        Files.writeString(source, block.group(1));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(compiled).as("javac exit code for the README's Spring Boot example").isZero();
    }
}
