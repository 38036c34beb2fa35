package io.recsyslite.internal.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.internal.AtomicFiles;
import io.recsyslite.core.internal.Sha256;
import io.recsyslite.core.internal.SnakeCaseJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Erasures asked for while another process held the store: one small file per user in
 * {@code <store>.erasures/}, on disk (written and synced) before the request is answered, removed
 * once the erasure is done. A queued user is served as unknown from the moment of the request;
 * the {@link RecSysEngine} applies the queue as soon as the store is free, also after a restart.
 * Thread-safe.
 */
final class QueuedErasures {
    private static final ObjectMapper JSON = SnakeCaseJson.mapper();

    /** A user's erasure as asked for. */
    record Request(String userId, Instant requestedAt) {
    }

    private final Path dir;
    private final Map<String, Request> queued = new ConcurrentHashMap<>();

    QueuedErasures(Path dbPath) {
        Path db = dbPath.toAbsolutePath();
        this.dir = db.resolveSibling(db.getFileName() + ".erasures");
        readBack();
    }

    /** Queues the user's erasure durably; asking again keeps the first request's time. */
    synchronized Request add(String userId, Instant now) throws IOException {
        Request existing = queued.get(userId);
        if (existing != null) {
            return existing;
        }
        Request request = new Request(userId, now);
        AtomicFiles.writeString(fileOf(userId), JSON.writeValueAsString(request));
        queued.put(userId, request);
        return request;
    }

    boolean contains(String userId) {
        return queued.containsKey(userId);
    }

    Optional<Request> find(String userId) {
        return Optional.ofNullable(queued.get(userId));
    }

    List<Request> all() {
        return List.copyOf(queued.values());
    }

    /** Takes a done erasure off the queue. */
    synchronized void remove(String userId) throws IOException {
        Files.deleteIfExists(fileOf(userId));
        queued.remove(userId);
    }

    private Path fileOf(String userId) {
        return dir.resolve(Sha256.hex(userId) + ".json"); // any id is a safe file name this way
    }

    private void readBack() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                Request request = JSON.readValue(file.toFile(), Request.class);
                queued.put(request.userId(), request);
            }
        } catch (IOException e) {
            throw new RecsysException("Cannot read the queued erasures in " + dir + ": " + e.getMessage(), e);
        }
    }
}
