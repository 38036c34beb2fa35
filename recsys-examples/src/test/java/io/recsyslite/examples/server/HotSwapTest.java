package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.core.testing.StoreHeldElsewhere;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server picks up models saved into its watched directory while it serves. */
class HotSwapTest {
    @TempDir
    Path root;
    private TestShop shop;
    private RecSysEngine recSys;
    private RestServer server;
    private Http http;

    @BeforeEach
    void start() throws IOException {
        shop = TestShop.create(root);
        recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db), shop.modelDir);
        ServerOptions options = new ServerOptions(Optional.empty(), List.of(), root.resolve("no-demo"),
                Optional.of(shop.modelDir), Duration.ofMillis(50));
        server = new RestServer(recSys, options).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        recSys.close();
    }

    @Test
    void aNewlySavedModelIsServed() throws Exception {
        String before = http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=5").raw().body();
        assertThat(modelType()).isEqualTo(TestShop.POPULARITY);

        shop.publish(TestShop.CONSTANT);

        awaitModelType(TestShop.CONSTANT);
        String after = http.get("/recommend?user_id=" + TestShop.KNOWN_USER + "&k=5").raw().body();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aBrokenModelKeepsTheOldOneServingUntilAGoodOneArrives() throws Exception {
        Files.writeString(shop.modelDir.resolve(ModelArtifacts.MANIFEST), "{ not a manifest");
        // Whether or not the watcher has looked yet, the old model must still answer.
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/recommend?user_id=" + TestShop.KNOWN_USER).status()).isEqualTo(200);
            Thread.sleep(10);
        }
        assertThat(modelType()).isEqualTo(TestShop.POPULARITY);

        shop.publish(TestShop.CONSTANT);
        awaitModelType(TestShop.CONSTANT);
    }

    @Test
    void aModelWhoseFilesArriveAfterItsManifestIsServedOnceComplete() throws Exception {
        // a copy by hand (cp, rsync) that writes model.json first and the arrays a moment later
        Path staged = shop.stagedDir(TestShop.CONSTANT);
        Path files = ModelArtifacts.filesDir(staged);
        Files.copy(staged.resolve(ModelArtifacts.MANIFEST), shop.modelDir.resolve(ModelArtifacts.MANIFEST),
                StandardCopyOption.REPLACE_EXISTING);
        Thread.sleep(300); // several polls refuse the incomplete model
        assertThat(modelType()).isEqualTo(TestShop.POPULARITY);

        copyDirectory(files, shop.modelDir.resolve(files.getFileName()));

        awaitModelType(TestShop.CONSTANT);
    }

    @Test
    void aSwapRefusedWhileTheStoreWasBusyIsRetried() throws Exception {
        try (StoreHeldElsewhere held = StoreHeldElsewhere.hold(shop.db)) {
            shop.publish(TestShop.CONSTANT);
            Thread.sleep(11_000); // longer than a swap waits for the store
            assertThat(modelType()).isEqualTo(TestShop.POPULARITY);
        }
        awaitModelType(TestShop.CONSTANT);
    }

    @Test
    void requestsDuringSwapsAllSucceed() throws Exception {
        int threads = 8;
        int requestsEach = 200;
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(clients.submit(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        // many users, so most requests miss the cache and run on the live model
                        String path = i % 10 == 9
                                ? "/similar-items?item_id=item_" + (i % 50) + "&k=5"
                                : "/recommend?user_id=user_" + ((thread * requestsEach + i) % 100) + "&k=10";
                        Reply r = http.get(path);
                        if (r.status() != 200 || r.raw().body().isEmpty()) {
                            failures.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            int swaps = 0;
            while (done.get() < threads * requestsEach && swaps < 20) {
                String next = swaps % 2 == 0 ? TestShop.CONSTANT : TestShop.POPULARITY;
                shop.publish(next);
                awaitModelType(next);
                swaps++;
            }
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(swaps).isPositive();
        } finally {
            clients.shutdownNow();
        }
        assertThat(failures.get()).isZero();
        assertThat(done.get()).isEqualTo(threads * requestsEach);
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var entries = Files.list(from)) {
            for (Path f : entries.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private String modelType() {
        return http.get("/health").json().get("model_type").asText();
    }

    /** Waits (bounded) for the watcher to swap in a model of the given type. */
    private void awaitModelType(String type) throws InterruptedException {
        for (int i = 0; i < 600 && !type.equals(modelType()); i++) {
            Thread.sleep(50);
        }
        assertThat(modelType()).isEqualTo(type);
    }
}
