package io.recsyslite.examples.cli;

import io.recsyslite.TrainRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment the README describes: a {@code serve} process records a stream of events over
 * {@code POST /events} while {@code train} runs in another process on the same store. Afterwards
 * every event sent is in the store, the server serves the new model, and neither process logged
 * an error or a warning about the store.
 */
class ServeAndTrainSideBySideTest {
    private static final Pattern LISTENING = Pattern.compile("Serving on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void serveRecordsEventsWhileTrainRunsInAnotherProcess() throws Exception {
        Path db = dir.resolve("recsys.db");
        Path model = dir.resolve("model");
        Path data = dir.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(30_000).withItems(500).withSeed(11)).writeTo(data);
        long before;
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of("als", model)
                    .withParams(Map.of("factors", 8, "iterations", 2)).withContext(TrainingContext.singleThreaded(1)));
            before = store.eventCount();
        }

        Path demo = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(demo.resolve("index.html"), "<html></html>");
        Process serve = cli(dir.resolve("serve.log"), "serve", "--db", db.toString(), "--model-dir", model.toString(),
                "--port", "0", "--index", "exact", "--watch-interval", "1", "--demo-dir", demo.toString(),
                "--dashboard-dir", demo.toString()); // any built page: a missing one is a WARN
        Process train = null;
        try {
            int port = port(serve, dir.resolve("serve.log"));
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Thread sender = new Thread(() -> send(port, sending, sent, failures));
            sender.start();
            Thread.sleep(500);
            train = cli(dir.resolve("train.log"), "train", "als", "--db", db.toString(), "--output", model.toString(),
                    "--param", "factors=16", "--param", "iterations=5", "--threads", "1");
            assertThat(train.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(train.exitValue()).as(Files.readString(dir.resolve("train.log"))).isZero();
            waitForLine(dir.resolve("serve.log"), "(generation 2, ");
            Thread.sleep(500);
            sending.set(false);
            sender.join();
            assertThat(failures).isEmpty();
            assertThat(sent.get()).isGreaterThan(100);

            serve.destroy(); // SIGTERM: the shutdown hook moves the journal into the store
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            try (RecsysStore store = RecsysStore.open(db)) {
                assertThat(store.eventCount()).isEqualTo(before + sent.get());
            }
            for (String log : List.of("serve.log", "train.log")) {
                // the JVM's own note on the Vector API module is not the application's
                String lines = Files.readString(dir.resolve(log)).replace("WARNING: Using incubator modules: jdk.incubator.vector", "");
                assertThat(lines).as(log).doesNotContain("ERROR", "WARN", "Exception");
            }
        } finally {
            serve.destroyForcibly();
            if (train != null) {
                train.destroyForcibly();
            }
        }
    }

    /** Posts one view event per request, as a shop's browsers do, until told to stop. */
    private static void send(int port, AtomicBoolean sending, AtomicInteger sent, List<String> failures) {
        HttpClient client = HttpClient.newHttpClient();
        while (sending.get() && failures.isEmpty()) {
            int n = sent.get();
            String body = "{\"user_id\": \"user_" + (n % 300) + "\", \"item_id\": \"item_" + (n % 500)
                    + "\", \"event_type\": \"view\"}";
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/events")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    sent.incrementAndGet();
                } else {
                    failures.add(r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Process cli(Path log, String... args) throws IOException {
        // as the recsys-lite launcher starts it: with the Vector API for ALS's kernels
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                RecsysLiteCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int port(Process serve, Path log) throws Exception {
        Matcher m = LISTENING.matcher(waitForLine(log, "Serving on"));
        if (!m.find()) {
            throw new AssertionError("serve did not start: " + Files.readString(log));
        }
        return Integer.parseInt(m.group(1));
    }

    /** Waits up to a minute for the log to contain {@code text}; returns the log. */
    private static String waitForLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String content = Files.readString(log);
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in " + log + ":\n" + Files.readString(log));
    }
}
