package io.recsyslite.internal.store;

import io.recsyslite.LiveEvent;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The durable write-ahead journal of live events: validated events are appended as CSV lines
 * (the events data contract's columns) to a segment file beside the database, and
 * {@link #append} returns only once they are on disk ({@code fsync}).
 *
 * <p>Group commit: appending threads hand their lines to the journal's one writer thread and wait.
 * The writer takes everything queued, writes it with one {@code write} and one {@code fsync}, then
 * acknowledges each of those appends. There is no timer: a batch is whatever arrived while the
 * previous batch was being synced, so a lone event pays one {@code fsync} and a hundred concurrent
 * ones share one. An append that fails (I/O error) is not acknowledged, and its bytes are cut off
 * the segment again so the acknowledged lines before it stay a clean CSV file.
 *
 * <p>Segments are sealed ({@link #seal}) and then ingested into the DuckDB store like any events
 * file, after which they are deleted. This keeps recording independent of the DuckDB file, which
 * only one process may open at a time: while a trainer in another process reads the store,
 * events keep landing here. A segment cut short by a crash loses only its last, unacknowledged
 * lines, whose torn end {@link #open} cuts off.
 *
 * <p>One process records into a journal at a time (a lock file says so). Thread-safe.
 */
public final class EventJournal implements AutoCloseable {
    static final String HEADER = "user_id,session_id,item_id,ts,qty,event_type,recommendation_id\n";
    private static final String SUFFIX = ".csv";
    /** How long a batch waits at most for more appends before its write and fsync. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A batch stops waiting when no append arrived for this long. */
    private static final long LINGER_GAP_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Work for the writer thread, in the order it was asked for; nothing is queued after {@link #STOP}. */
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Sealed segments not yet removed (read by other threads, hence guarded by itself). */
    private final List<Segment> sealed = new ArrayList<>();
    private boolean closed;
    /** Events acknowledged so far: the number of the newest one. */
    private volatile long acknowledged;
    // the writer thread's alone:
    private FileChannel current;
    private long segmentNumber;
    private long events;
    /** Set when a failed write could not be undone: the journal takes no more appends. */
    private IOException broken;

    /**
     * A sealed segment file and the number of the newest event in it (events are numbered from 1
     * in append order since the journal was opened; 0 for a segment a previous run left).
     */
    public record Segment(Path path, long lastNumber) {
    }

    private sealed interface Task {
        CompletableFuture<?> done();
    }

    private record Append(byte[] lines, int count, CompletableFuture<Long> done) implements Task {
    }

    /** Seals the current segment; with {@code stop}, the writer's last task. */
    private record Seal(CompletableFuture<List<Segment>> done, boolean stop) implements Task {
    }

    private EventJournal(Path dir, FileChannel lockChannel, FileLock lock, List<Path> recovered, long nextNumber) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        recovered.forEach(path -> sealed.add(new Segment(path, 0)));
        this.segmentNumber = nextNumber;
        this.writer = new Thread(this::writeLoop, "recsys-journal-writer");
        writer.setDaemon(true); // what it acknowledged is on disk; a JVM exit must not wait for it
        writer.start();
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
                throw new RecsysException("Another RecSysEngine records events into " + dir
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
     * Appends the events (already checked by {@link LiveEventContract}). The future completes, on
     * the journal's writer thread, with the number of the last of them (see {@link Segment}) once
     * they are on disk, or exceptionally with an {@link UncheckedIOException} when they could not be
     * written (then none of them is acknowledged). Dependent stages that do more than a few
     * microseconds of work belong on another executor.
     */
    public CompletableFuture<Long> append(List<LiveEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(acknowledged);
        }
        StringBuilder lines = new StringBuilder(events.size() * 48);
        for (LiveEvent e : events) {
            lines.append(quoted(e.userId())).append(',').append(quoted(e.sessionId())).append(',')
                    .append(quoted(e.itemId())).append(',').append(e.ts()).append(',').append(e.qty()).append(',')
                    .append(e.eventType() == null ? "" : e.eventType()).append(',')
                    .append(quoted(e.recommendationId())).append('\n');
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        submit(new Append(lines.toString().getBytes(StandardCharsets.UTF_8), events.size(), done));
        return done;
    }

    /**
     * Closes the segment being written (synced) so it can be ingested; returns every sealed
     * segment not yet {@link #remove removed}, oldest first.
     */
    public List<Segment> seal() {
        CompletableFuture<List<Segment>> done = new CompletableFuture<>();
        submit(new Seal(done, false));
        return await(done);
    }

    /** Forgets a sealed segment once its events are in the store. */
    public void remove(Path segment) {
        synchronized (sealed) {
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
        synchronized (sealed) {
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

    /** Seals the segment being written, stops the writer thread and releases the journal's lock. */
    @Override
    public void close() {
        Seal stop = new Seal(new CompletableFuture<>(), true);
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(stop);
        }
        try {
            await(stop.done());
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the event journal in " + dir, e);
            }
        }
    }

    private void submit(Task task) {
        synchronized (queue) {
            if (closed) {
                throw new RecsysException("The event journal " + dir + " is closed");
            }
            queue.add(task);
        }
    }

    private static <T> T await(CompletableFuture<T> done) {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecsysException("Interrupted while waiting for the event journal (the events may or may not"
                    + " be recorded)", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new RecsysException(e.getCause().toString(), e);
        }
    }

    /** The writer thread: takes everything queued, commits the appends in one go, seals in between. */
    private void writeLoop() {
        List<Task> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                linger(batch);
                queue.drainTo(batch);
                if (!run(batch)) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // not expected: close() queues a stopping seal
        } finally {
            // after an unexpected error nobody may wait forever (completing an answered task does nothing)
            RecsysException stopped = new RecsysException("The event journal " + dir + " is closed");
            synchronized (queue) {
                closed = true;
                queue.drainTo(batch);
            }
            batch.forEach(task -> task.done().completeExceptionally(stopped));
        }
    }

    /**
     * Lets more appends join the batch before it is synced: up to {@link #LINGER_NANOS}, ended as
     * soon as none arrived for {@link #LINGER_GAP_NANOS} (so a lone event waits at most the gap).
     */
    private void linger(List<Task> batch) throws InterruptedException {
        long until = System.nanoTime() + LINGER_NANOS;
        while (batch.get(batch.size() - 1) instanceof Append) {
            long left = Math.min(until - System.nanoTime(), LINGER_GAP_NANOS);
            Task next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /** Runs one batch of tasks in order; false after the stopping seal. */
    private boolean run(List<Task> batch) {
        List<Append> appends = new ArrayList<>();
        for (Task task : batch) {
            if (task instanceof Append a) {
                appends.add(a);
                continue;
            }
            Seal seal = (Seal) task;
            commit(appends);
            try {
                seal.done().complete(sealNow());
            } catch (IOException e) {
                seal.done().completeExceptionally(new UncheckedIOException("cannot seal the event journal in "
                        + dir, e));
            }
            if (seal.stop()) {
                return false;
            }
        }
        commit(appends);
        return true;
    }

    /** Writes and syncs the appends with one write and one fsync, then acknowledges them. */
    private void commit(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        long start = -1;
        try {
            if (broken != null) {
                throw new IOException("the event journal in " + dir + " failed earlier: " + broken.getMessage(), broken);
            }
            if (current == null) {
                current = newSegment();
            }
            start = current.position();
            ByteBuffer[] buffers = new ByteBuffer[appends.size()];
            long length = 0;
            for (int i = 0; i < appends.size(); i++) {
                buffers[i] = ByteBuffer.wrap(appends.get(i).lines());
                length += buffers[i].remaining();
            }
            long done = 0;
            while (done < length) {
                done += current.write(buffers);
            }
            current.force(false);
        } catch (IOException e) {
            undo(start, e);
            appends.forEach(a -> a.done().completeExceptionally(
                    new UncheckedIOException("cannot write the event journal in " + dir + ": " + e.getMessage(), e)));
            appends.clear();
            return;
        }
        for (Append a : appends) {
            events += a.count();
            acknowledged = events;
            a.done().complete(events);
        }
        appends.clear();
    }

    /** Cuts a failed batch's bytes off the segment; when even that fails, the journal takes no more. */
    private void undo(long start, IOException failure) {
        if (start < 0 || broken != null) {
            return;
        }
        try {
            current.truncate(start);
            current.position(start);
            current.force(false);
        } catch (IOException e) {
            broken = failure;
        }
    }

    private List<Segment> sealNow() throws IOException {
        synchronized (sealed) {
            if (current != null) {
                current.force(false);
                current.close();
                current = null;
                sealed.add(new Segment(segmentPath(segmentNumber - 1), events));
            }
            return List.copyOf(sealed);
        }
    }

    /** A new segment holding its header line (synced with the first batch). */
    private FileChannel newSegment() throws IOException {
        Path path = segmentPath(segmentNumber++);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.wrap(HEADER.getBytes(StandardCharsets.UTF_8));
            while (header.hasRemaining()) {
                channel.write(header);
            }
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true); // the new file's name survives a crash too
            }
            return channel;
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
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
