package io.recsyslite.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example is a whole program: this test takes it out of README.md as written,
 * compiles it against the library and runs it in a fresh JVM next to a generated sample shop, so the
 * README cannot drift from the API.
 */
class ReadmeSnippetTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void embeddingExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String source = embeddingExample();
        Matcher className = Pattern.compile("public class (\\w+)").matcher(source);
        assertThat(className.find()).as("the README example declares a public class").isTrue();
        Path sourceFile = dir.resolve("src").resolve(className.group(1) + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source);

        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int compiled = compiler.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), sourceFile.toString());
        assertThat(compiled).as("javac exit code for the README example").isZero();

        Path shop = Files.createDirectories(dir.resolve("shop"));
        new SampleShopGenerator(SampleShopConfig.ofEvents(20_000)).writeTo(shop);
        String output = run(shop, classes, className.group(1));
        // only the program's own line on stdout: the library logs through SLF4J and prints nothing
        assertThat(output).matches("[1-9]\\d* recommendations, 8 similar items, 10 after a purchase, 10 for a visitor, [1-9]\\d* users in recs.parquet, user_13 erased: true, held-out ndcg@10 0\\.\\d+ vs popularity 0\\.\\d+\\R");
    }

    private static String embeddingExample() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("## Embedding it in a shop"));
        Matcher block = JAVA_BLOCK.matcher(section);
        assertThat(block.find()).as("a java block in the README's embedding section").isTrue();
        return block.group(1);
    }

    private static String run(Path workDir, Path classes, String mainClass) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = classes + File.pathSeparator + System.getProperty("java.class.path");
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(java, "-cp", classPath, mainClass)).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(stdout);
        String log = "stdout:\n" + output + "stderr:\n" + Files.readString(stderr);
        assertThat(finished).as("the example finished; " + log).isTrue();
        assertThat(process.exitValue()).as("exit code; " + log).isZero();
        return output;
    }
}
