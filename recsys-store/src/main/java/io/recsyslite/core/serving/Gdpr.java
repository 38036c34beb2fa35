package io.recsyslite.core.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.UserScrubber;
import io.recsyslite.core.internal.SnakeCaseJson;
import io.recsyslite.core.store.RecsysStore;
import io.recsyslite.core.store.ServedRecommendation;
import io.recsyslite.core.store.UserEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * GDPR operations on the store and on model directories: export everything about a user, erase
 * a user's events, and scrub erased users out of saved models. Stateless.
 */
public final class Gdpr {
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
     * Deletes the user's events (recording the deletion) and scrubs the user from the given model
     * directories. Models not named here are scrubbed when they are next loaded by a RecSys.
     *
     * @return number of events removed
     */
    public static long deleteUser(RecsysStore store, String userId, List<Path> modelDirs) throws IOException {
        long removed = store.deleteUserEvents(userId);
        for (Path dir : modelDirs) {
            if (!UserScrubber.forget(dir, Set.of(userId)).isEmpty()) {
                store.audit("gdpr", "scrub_model", userId, "dir=" + dir);
            }
        }
        store.audit("gdpr", "delete_user", userId, "events=" + removed + " models=" + modelDirs.size());
        return removed;
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
        Optional<Instant> readAt = ModelArtifacts.verify(modelDir).provenance().dataReadInstant();
        Set<String> deleted = new TreeSet<>();
        deletedAt.forEach((user, at) -> {
            if (readAt.isEmpty() || !at.isBefore(readAt.get())) {
                deleted.add(user);
            }
        });
        if (!deleted.isEmpty()) {
            for (String userId : UserScrubber.forget(modelDir, deleted)) {
                store.audit("gdpr", "scrub_model", userId, "dir=" + modelDir);
            }
        }
    }
}
