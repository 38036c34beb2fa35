package io.recsyslite.internal.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.internal.SnakeCaseJson;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.ServedRecommendation;
import io.recsyslite.internal.store.UserEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GDPR operations on the store and on model directories: export everything about a user, erase
 * a user's events, and scrub erased users out of saved models (through a durable queue of
 * erasures in the store, so that a crash between the two loses none). Stateless.
 */
public final class Gdpr {
    private static final Logger LOG = LoggerFactory.getLogger(Gdpr.class);
    private static final ObjectMapper JSON = SnakeCaseJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Gdpr() {
    }

    /** Collects the user's data (audited as an export). */
    public static UserDataExport export(RecsysStore store, String userId) {
        List<UserEvent> events = store.userEvents(userId);
        Set<String> itemIds = new LinkedHashSet<>();
        events.forEach(e -> itemIds.add(e.itemId()));
        List<ServedRecommendation> served = store.servedTo(userId);
        UserDataExport export = new UserDataExport(userId, Instant.now().toString(), events,
                new ArrayList<>(store.items(itemIds).values()), served, store.auditEntries(userId));
        store.audit("gdpr", "export_user", userId, "events=" + events.size());
        return export;
    }

    /** Writes the export as JSON to {@code output}. */
    public static void write(UserDataExport export, Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(output.toFile(), export);
    }

    /**
     * Deletes the user's events and, in the same transaction, queues the erasure for the given
     * model directories and those an update worker keeps ({@link RecsysStore#deleteUserEvents(String, List)});
     * then applies every queued erasure. A directory that cannot be scrubbed now keeps its
     * erasure queued (this throws, naming it); the queue is applied again on the next model load
     * and save and at every worker start, so an erasure reaches every model even across a crash.
     * Models not named here are scrubbed when they are next loaded by a RecSysEngine.
     *
     * @return number of events removed
     */
    public static long deleteUser(RecsysStore store, String userId, List<Path> modelDirs) throws IOException {
        long removed = store.deleteUserEvents(userId, modelDirs);
        store.audit("gdpr", "delete_user", userId, "events=" + removed + " models=" + modelDirs.size());
        Map<Path, IOException> failed = applyPendingErasures(store);
        if (!failed.isEmpty()) {
            Map.Entry<Path, IOException> first = failed.entrySet().iterator().next();
            throw new IOException("The user's events are erased, but model directory " + first.getKey()
                    + " could not be scrubbed yet (" + first.getValue().getMessage() + "); the erasure is recorded"
                    + " and applied again at the next model load, save or worker start", first.getValue());
        }
        return removed;
    }

    /**
     * Applies the queued erasures ({@link RecsysStore#pendingErasures}): scrubs each directory and
     * takes its users off the queue; a directory that no longer exists has nothing to scrub.
     *
     * @return the directories that failed (their erasures stay queued), with the reason
     */
    static Map<Path, IOException> applyPendingErasures(RecsysStore store) {
        Map<Path, IOException> failed = new LinkedHashMap<>();
        store.pendingErasures().forEach((dir, users) -> {
            try {
                if (Files.exists(dir)) {
                    for (String userId : ModelArtifacts.eraseUsers(dir, users)) {
                        store.audit("gdpr", "scrub_model", userId, "dir=" + dir);
                    }
                }
                store.erasuresApplied(dir, users);
            } catch (IOException | RuntimeException e) {
                IOException reason = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                LOG.warn("Erasure of {} user(s) from {} stays queued: {}", users.size(), dir, e.getMessage());
                failed.put(dir, reason);
            }
        });
        return failed;
    }

    /**
     * Scrubs deleted users out of a model directory before it is served: every user deleted at or
     * after the model's training data was read (all deleted users when that time is unknown). A
     * user deleted before it and active again since is in the model only with the new activity,
     * since deletion removed the old events and ingest will not take them back.
     */
    static void scrubDeletedUsers(RecsysStore store, Path modelDir) throws IOException {
        Map<String, Instant> deletedAt = store.deletedUsers();
        if (deletedAt.isEmpty()) {
            return;
        }
        // model.json alone, not verified: a model trained after every deletion is left to the one
        // verification of loading
        Optional<Instant> readAt = ModelArtifacts.readManifest(modelDir).provenance().dataReadInstant();
        Set<String> deleted = new TreeSet<>();
        deletedAt.forEach((user, at) -> {
            if (readAt.isEmpty() || !at.isBefore(readAt.get())) {
                deleted.add(user);
            }
        });
        if (deleted.isEmpty()) {
            return;
        }
        Set<String> erased = ModelArtifacts.eraseUsers(modelDir, deleted);
        for (String userId : erased) {
            store.audit("gdpr", "scrub_model", userId, "dir=" + modelDir);
        }
        if (!erased.isEmpty()) {
            LOG.info("Scrubbed {} user(s) erased after its training data was read out of the model in {}",
                    erased.size(), modelDir);
        }
    }
}
