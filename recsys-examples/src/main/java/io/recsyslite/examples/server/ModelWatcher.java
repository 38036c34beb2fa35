package io.recsyslite.examples.server;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.RecSysEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot swap: polls a model directory's model.json and, when it lists other files than the model
 * being served (a trainer or worker saved a new model; saving is atomic), asks the {@link RecSysEngine}
 * to swap to it. A model that fails to load (files copied after their model.json, a store busy in
 * another process) is logged, the old one keeps serving, and the swap is retried with back-off
 * (doubling from the poll interval up to a minute) until it succeeds or model.json changes. A model
 * the RecSysEngine rewrote itself (a GDPR scrub, which it reloads) matches the served files and is left
 * alone.
 *
 * <p>Owns one daemon thread; all checks run on it. {@link #close()} stops it.
 */
final class ModelWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final RecSysEngine recSys;
    private final String variant;
    private final Path dir;
    private final Duration interval;
    private final ScheduledExecutorService poller;
    // only touched by the poller thread:
    private byte[] lastSeen; // model.json as last checked
    private Duration backoff; // wait before retrying lastSeen after it failed; null when it did not fail
    private long retryAtNanos;

    /** Watches the directory of one variant of the RecSysEngine (of its only one, when it serves one model). */
    ModelWatcher(RecSysEngine recSys, String variant, Path dir, Duration interval) {
        this.recSys = recSys;
        this.variant = variant;
        this.dir = dir;
        this.interval = interval;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recsys-model-watch");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        poller.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for new models every {} ms", dir.resolve(ModelArtifacts.MANIFEST), millis);
    }

    private void check() {
        try {
            byte[] manifest;
            try {
                manifest = Files.readAllBytes(dir.resolve(ModelArtifacts.MANIFEST));
            } catch (NoSuchFileException e) {
                return; // no model saved yet
            }
            boolean changed = !Arrays.equals(manifest, lastSeen);
            if (!changed && (backoff == null || System.nanoTime() < retryAtNanos)) {
                return;
            }
            lastSeen = manifest;
            if (changed) {
                backoff = null;
            }
            swapUnlessServed(manifest);
        } catch (IOException | RuntimeException e) {
            backoff = backoff == null ? interval : min(backoff.multipliedBy(2), MAX_BACKOFF);
            retryAtNanos = System.nanoTime() + backoff.toNanos();
            LOG.error("Could not load the new model in {}; still serving the previous one, retrying in {} ms: {}",
                    dir, backoff.toMillis(), e.getMessage());
        }
    }

    private void swapUnlessServed(byte[] manifest) throws IOException {
        Map<String, String> files = ModelArtifacts.parseManifest(dir, manifest).files();
        boolean served = recSys.status(variant).map(live -> live.manifest().files().equals(files)).orElse(false);
        if (!served) {
            ModelStatus status = recSys.swapModel(variant, dir);
            LOG.info("Hot-swapped to the {} model saved at {}", status.algorithm(), status.manifest().createdAt());
        }
        backoff = null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
