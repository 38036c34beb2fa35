package io.recsyslite.examples.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.serving.ModelStatus;
import io.recsyslite.core.serving.RecSys;
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
 * being served (a trainer or worker saved a new model; saving is atomic), asks the {@link RecSys}
 * to swap to it. A model that fails to load is logged and the old one keeps serving; it is not
 * retried until model.json changes again. A model the RecSys rewrote itself (a GDPR scrub, which
 * it reloads) matches the served files and is left alone.
 *
 * <p>Owns one daemon thread; all checks run on it. {@link #close()} stops it.
 */
final class ModelWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };

    private final RecSys recSys;
    private final Path dir;
    private final ScheduledExecutorService poller;
    private byte[] lastSeen; // model.json as last checked; only touched by the poller thread

    ModelWatcher(RecSys recSys, Path dir, Duration interval) {
        this.recSys = recSys;
        this.dir = dir;
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
            if (Arrays.equals(manifest, lastSeen)) {
                return;
            }
            lastSeen = manifest;
            if (!isServed(manifest)) {
                ModelStatus status = recSys.swapModel(dir);
                LOG.info("Hot-swapped to the {} model saved at {}", status.algorithm(), status.manifest().createdAt());
            }
        } catch (IOException | RuntimeException e) {
            // Keep serving the current model; a fixed model.json is picked up at its next change.
            LOG.error("Could not load the new model in {}; still serving the previous one: {}", dir, e.getMessage());
        }
    }

    private boolean isServed(byte[] manifest) throws IOException {
        JsonNode files = JSON.readTree(manifest).path("files");
        return recSys.status()
                .map(live -> live.manifest().files().equals(JSON.convertValue(files, FILES)))
                .orElse(false);
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
