package io.recsyslite.core.store;

import io.recsyslite.core.error.RecsysException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The durable write-ahead journal of live events: validated events are appended as CSV lines
 * (the events data contract's columns) to a segment file beside the database, and
 * {@link #append} returns only once they are on disk ({@code fsync}). Appends from many threads
 * share one {@code fsync} (group commit): a thread that finds a sync running waits for it, then
 * syncs everything written meanwhile in one call.
 *
 * <p>Segments are sealed ({@link #seal}) and then ingested into the DuckDB store like any events
 * file, after which they are deleted. This keeps recording independent of the DuckDB file, which
 * only one process may open at a time: while a trainer in another process reads the store,
 * events keep landing here. A segment cut short by a crash loses only its last, unacknowledged
 * line, which {@link #open} cuts off.
 *
 * <p>One process records into a journal at a time (a lock file says so). Thread-safe.
 */
public final class EventJournal implements AutoCloseable {
    static final String HEADER = "user_id,session_id,item_id,ts,qty,event_type,recommendation_id\n";
    private static final String SUFFIX = ".csv";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    private final List<Segment> sealed = new ArrayList<>();
    private FileChannel current;
    private long segmentNumber;
    /** Events ever appended by this journal object: the number of the newest one. */
    private long events;
    /** Bytes ever appended (all segments), and how many of them are known to be on disk. */
    private long written;
    private long synced;

    /**
     * A sealed segment file and the number of the newest event in it (events are numbered from 1
     * in append order since the journal was opened; 0 for a segment a previous run left).
     */
    public record Segment(Path path, long lastNumber) {
    }

    private EventJournal(Path dir, FileChannel lockChannel, FileLock lock, List<Path> recovered, long nextNumber) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        recovered.forEach(path -> sealed.add(new Segment(path, 0)));
        this.segmentNumber = nextNumber;
    }

    /** The journal directory of a store file: {@code recsys.db} keeps its journal in {@code recsys.db.journal/}. */
    public static Path dirOf(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".journal");
    }

    /**
     * Opens the journal, taking over the segments a previous run left (they are sealed, torn last
     * lines cut off). Fails when another process records into it.
     */
    public static EventJournal open(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new RecsysException("Another RecSys records events into " + dir
                        + "; only one process (the serving one) may record into a store");
            }
            List<Path> recovered = segments(dir);
            long next = 0;
            for (Path segment : recovered) {
                cutTornLine(segment);
                next = Math.max(next, number(segment) + 1);
            }
            return new EventJournal(dir, lockChannel, lock, recovered, next);
        } catch (IOException e) {
            throw new RecsysException("cannot open the event journal " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends the events (already checked by {@link LiveEventContract}); they are on disk when this
     * returns. Returns the number of the last of them (see {@link Segment}).
     */
    public long append(List<LiveEvent> events) {
        StringBuilder lines = new StringBuilder(events.size() * 48);
        for (LiveEvent e : events) {
            lines.append(quoted(e.userId())).append(',').append(quoted(e.sessionId())).append(',')
                    .append(quoted(e.itemId())).append(',').append(e.ts()).append(',').append(e.qty()).append(',')
                    .append(e.eventType() == null ? "" : e.eventType()).append(',')
                    .append(quoted(e.recommendationId())).append('\n');
        }
        long end;
        long last;
        synchronized (writeLock) {
            if (events.isEmpty()) {
                return this.events;
            }
            try {
                if (current == null) {
                    current = newSegment();
                    lines.insert(0, HEADER);
                }
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                long length = bytes.remaining();
                while (bytes.hasRemaining()) {
                    current.write(bytes);
                }
                written += length;
                end = written;
                this.events += events.size();
                last = this.events;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the event journal in " + dir, e);
            }
        }
        syncUpTo(end);
        return last;
    }

    /**
     * Closes the segment being written (synced) so it can be ingested; returns every sealed
     * segment not yet {@link #remove removed}, oldest first.
     */
    public List<Segment> seal() {
        synchronized (syncLock) {
            synchronized (writeLock) {
                if (current != null) {
                    try {
                        current.force(false);
                        current.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot seal the event journal in " + dir, e);
                    }
                    current = null;
                    sealed.add(new Segment(segmentPath(segmentNumber - 1), events));
                    synced = written;
                }
                return List.copyOf(sealed);
            }
        }
    }

    /** Forgets a sealed segment once its events are in the store. */
    public void remove(Path segment) {
        synchronized (writeLock) {
            try {
                Files.deleteIfExists(segment);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete journal segment " + segment, e);
            }
            sealed.removeIf(s -> s.path().equals(segment));
        }
    }

    /**
     * Sets a sealed segment aside that the store refused (renamed to {@code .rejected}, kept for a
     * person to look at), so that it does not block the segments after it.
     */
    public Path reject(Path segment) {
        synchronized (writeLock) {
            try {
                Path aside = segment.resolveSibling(segment.getFileName() + ".rejected");
                Files.move(segment, aside);
                sealed.removeIf(s -> s.path().equals(segment));
                return aside;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set journal segment " + segment + " aside", e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        seal();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event journal in " + dir, e);
        }
    }

    /** Group commit: one fsync covers every append finished before it started. */
    private void syncUpTo(long end) {
        synchronized (syncLock) {
            if (synced >= end) {
                return;
            }
            long upTo;
            FileChannel channel;
            synchronized (writeLock) {
                upTo = written;
                channel = current;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sync the event journal in " + dir, e);
            }
            synced = upTo;
        }
    }

    private FileChannel newSegment() throws IOException {
        Path path = segmentPath(segmentNumber++);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // the new file's name survives a crash too
        }
        return channel;
    }

    private Path segmentPath(long number) {
        return dir.resolve(String.format("events-%012d%s", number, SUFFIX));
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring("events-".length(), name.length() - SUFFIX.length()));
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("events-[0-9]{12}\\.csv")).sorted().toList();
        }
    }

    /** Cuts a line a crash left half-written (never acknowledged) off the end of a segment. */
    private static void cutTornLine(Path segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                channel.truncate(keep);
                channel.force(false);
            }
        }
    }

    /** A CSV field: empty for null, else quoted (ids may hold commas and quotes, never control characters). */
    private static String quoted(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }
}
