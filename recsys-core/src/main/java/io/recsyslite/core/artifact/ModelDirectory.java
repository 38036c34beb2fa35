package io.recsyslite.core.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The on-disk layout of a model directory {@code M} and its one-step replacement.
 *
 * <p>{@code M/model.json} is both the manifest and the pointer: its {@code files_dir} names the
 * sub-directory ({@code M/v-<time>-<random>/}) holding the model's files. A new model is written
 * into a fresh sub-directory, fsynced, and published by renaming a new {@code model.json} over the
 * old one: that rename is the only step that changes what {@code M} is, so at every instant
 * {@code M} is the old or the new model, also after a kill. Directories written before this layout
 * (files beside a {@code model.json} without {@code files_dir}) load unchanged and are replaced the
 * same way.
 *
 * <p>Writers of one directory take turns through a lock on {@code M/.lock} (between processes and
 * between threads); while holding it they remove what crashed or replaced writers left behind:
 * unreferenced sub-directories, stale files of the old layout, and the {@code .M.old-*},
 * {@code .M.tmp-*}, {@code .M.scrub-*} siblings of earlier versions. A locked directory is used by
 * one thread; {@link #close()} releases the lock.
 */
final class ModelDirectory implements AutoCloseable {
    static final String FILES_DIR = "files_dir";
    private static final String LOCK_FILE = ".lock";
    private static final String PENDING_MANIFEST = ".model.json.pending";
    private static final String VERSION_PREFIX = "v-";
    private static final List<String> OLD_SIBLING_KINDS = List.of(".old-", ".tmp-", ".scrub-");
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Points of a save where a test can stop it, as a kill would. */
    @FunctionalInterface
    interface Steps {
        Steps NONE = step -> { };

        void reached(String step) throws IOException;
    }

    /** Writes the files of a new version into its directory and returns its manifest. */
    @FunctionalInterface
    interface VersionWriter {
        ObjectNode write(Path versionDir) throws IOException;
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private ModelDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates {@code dir} if needed and waits until no other writer holds it. */
    static ModelDirectory lock(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        FileChannel channel = FileChannel.open(target.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    return new ModelDirectory(target, channel, channel.lock());
                } catch (OverlappingFileLockException heldInThisProcess) {
                    Thread.sleep(10);
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to write the model in " + target, e);
        }
    }

    /** Where the files of the model described by {@code manifest} are ({@code dir} itself in the old layout). */
    static Path filesOf(Path dir, ModelManifest manifest) {
        return manifest.filesDir().isEmpty() ? dir : dir.resolve(manifest.filesDir());
    }

    /**
     * Writes a new version and makes it the model of the directory with one rename, then removes
     * everything else. A failure before that rename leaves the previous model in place.
     */
    ObjectNode publish(VersionWriter writer, Steps steps) throws IOException {
        String name = VERSION_PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(VERSION_TIME) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path version = Files.createDirectory(dir.resolve(name));
        boolean published = false;
        try {
            ObjectNode manifest = writer.write(version);
            manifest.put("format_version", ModelArtifacts.FORMAT_VERSION);
            manifest.put(FILES_DIR, name);
            try (Stream<Path> files = Files.list(version)) {
                for (Path f : files.toList()) {
                    fsync(f, false);
                }
            }
            fsync(version, true);
            steps.reached("files written");
            Path pending = dir.resolve(PENDING_MANIFEST);
            JSON.writeValue(pending.toFile(), manifest);
            fsync(pending, false);
            steps.reached("manifest written");
            Files.move(pending, dir.resolve(ModelArtifacts.MANIFEST), StandardCopyOption.ATOMIC_MOVE);
            published = true;
            fsync(dir, true);
            steps.reached("published");
            removeLeftovers(name);
            return manifest;
        } finally {
            if (!published) {
                deleteRecursively(version);
            }
        }
    }

    /**
     * Removes what is not the current model: other versions, files of the old layout once a
     * version is current, and the siblings earlier library versions left after a crash.
     */
    void removeLeftovers() throws IOException {
        String current;
        try {
            current = ModelArtifacts.verify(dir).filesDir();
        } catch (io.recsyslite.core.error.CorruptModelException noModel) {
            current = null; // nothing here is known to be current: only the siblings go
        }
        if (current != null) {
            removeLeftovers(current);
        } else {
            removeOldSiblings();
        }
    }

    private void removeLeftovers(String currentFilesDir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String n = p.getFileName().toString();
                boolean keep = n.equals(ModelArtifacts.MANIFEST) || n.equals(LOCK_FILE)
                        || (currentFilesDir.isEmpty() ? !n.startsWith(VERSION_PREFIX) && !n.equals(PENDING_MANIFEST)
                                                      : n.equals(currentFilesDir));
                if (!keep) {
                    deleteRecursively(p);
                }
            }
        }
        removeOldSiblings();
    }

    private void removeOldSiblings() throws IOException {
        Path parent = dir.getParent();
        String own = "." + dir.getFileName();
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                String n = p.getFileName().toString();
                if (OLD_SIBLING_KINDS.stream().anyMatch(kind -> n.startsWith(own + kind))) {
                    deleteRecursively(p);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    static void fsync(Path p, boolean directory) throws IOException {
        try (FileChannel ch = FileChannel.open(p, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // some file systems cannot fsync directories; the rename is still atomic
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
