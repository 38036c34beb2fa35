package io.recsyslite.spring;

import io.recsyslite.RecommendOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.internal.serving.RecSysEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The scheduled update task ingests a dropped event file, retrains and hot-swaps the new model. */
class RecSysUpdaterTest {
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path root;

    @Test
    void aDroppedEventFileIsIngestedRetrainedAndServed() throws Exception {
        SampleShop shop = SampleShop.create(root, 2000, "popularity");
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RecSysAutoConfiguration.class, RecSysUpdateAutoConfiguration.class))
                .withPropertyValues("recsys.store-path=" + shop.db(), "recsys.model-dir=" + shop.modelDir(),
                        "recsys.update.enabled=true", "recsys.update.interval=200ms",
                        "recsys.update.retrain-every=1ms", "recsys.update.incoming-dir=" + incoming,
                        "recsys.cache-expiry=0s")
                .run(context -> {
                    RecSysEngine recSys = context.getBean(RecSysEngine.class);
                    long generation = recSys.status().orElseThrow().generation();
                    String before = topPopular(recSys);
                    String pushed = before.equals("item_49") ? "item_48" : "item_49";
                    writeEvents(incoming.resolve("batch.csv"), pushed, 500);

                    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
                    while (!Files.exists(incoming.resolve("processed/batch.csv"))
                            || recSys.status().orElseThrow().generation() == generation) {
                        assertThat(System.currentTimeMillis()).as("the update task ran").isLessThan(deadline);
                        Thread.sleep(100);
                    }
                    assertThat(topPopular(recSys)).as("served from the retrained model").isEqualTo(pushed);
                });
    }

    @Test
    void closingTheContextWaitsForTheCycleThatIsRunning() throws Exception {
        SampleShop shop = SampleShop.create(root, 2000, "popularity");
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        writeEvents(incoming.resolve("batch.csv"), "item_49", 500); // the first cycle has work to do
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RecSysAutoConfiguration.class, RecSysUpdateAutoConfiguration.class))
                .withPropertyValues("recsys.store-path=" + shop.db(), "recsys.model-dir=" + shop.modelDir(),
                        "recsys.update.enabled=true", "recsys.update.incoming-dir=" + incoming)
                .run(context -> assertThat(context).hasNotFailed()); // closed at once, while the cycle runs

        Map<Path, String> closed = files(root);
        Thread.sleep(1500);
        assertThat(files(root)).as("nothing writes the store or the model after the close").isEqualTo(closed);
    }

    /** Every file below {@code dir} with its size and modification time. */
    private static Map<Path, String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<Path, String> files = new TreeMap<>();
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(f, Files.size(f) + " " + Files.getLastModifiedTime(f));
            }
            return files;
        }
    }

    private static String topPopular(RecSysEngine recSys) {
        return recSys.recommendForItems(List.of(), 1, RecommendOptions.defaults()).items().get(0).itemId();
    }

    /** {@code count} purchases of one item by as many new users. */
    private static void writeEvents(Path file, String itemId, int count) throws IOException {
        List<String> lines = new ArrayList<>(List.of("user_id,item_id,ts,qty"));
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < count; i++) {
            lines.add("fresh_" + i + "," + itemId + "," + (now - i) + ",1");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines);
        Files.move(tmp, file); // the worker must not see a half-written file
    }
}
