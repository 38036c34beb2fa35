package io.recsyslite.internal.serving;

import io.recsyslite.LiveEvent;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.internal.store.EventJournal;
import io.recsyslite.internal.store.LiveEventContract;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.RecsysStore.StoredLiveEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events recorded live through a {@link RecSysEngine}: checks them against the events data contract,
 * makes them durable in the store's {@link EventJournal} (a recorded event is on disk when
 * {@link #record}'s future completes), remembers them in {@link RecentEvents} for the next answers, and moves
 * the journal into the DuckDB store every flush interval, opening the file only for that moment.
 * While another process (a trainer) holds the file, events wait in the journal; nothing is lost.
 *
 * <p>The journal is opened on the first event (or at start when a previous run left segments),
 * so a RecSysEngine that only reads never takes the journal's one-recorder lock. Thread-safe.
 */
final class LiveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    /** Visitor sessions' events are read back from the store this far into the past at a restart. */
    private static final Duration SESSION_MEMORY = Duration.ofDays(1);
    private static final int MAX_READ_BACK = 100_000;

    /** Runs store work with the file open (the RecSysEngine's way of using the store). */
    interface StoreAccess {
        <T> T withStore(Function<RecsysStore, T> work);
    }

    /** A segment of this process's journal in the store since {@code at}, up to event {@code lastNumber}. */
    private record Stored(Instant at, long lastNumber) {
    }

    private final Path journalDir;
    private final LiveEventContract contract;
    private final StoreAccess store;
    private final Clock clock;
    private final RecentEvents recent = new RecentEvents(100_000, 200);
    private final Deque<Stored> stored = new ArrayDeque<>();
    private final Object flushLock = new Object();
    private final ScheduledExecutorService flusher;
    private volatile EventJournal journal;
    private volatile boolean readBack;

    LiveEvents(Path dbPath, LiveEventContract contract, Duration flushInterval, StoreAccess store, Clock clock) {
        this.journalDir = EventJournal.dirOf(dbPath.toAbsolutePath());
        this.contract = contract;
        this.store = store;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recsys-journal-flush");
            t.setDaemon(true);
            return t;
        });
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        if (hasLeftoverSegments()) {
            journal();
        }
    }

    /**
     * Checks the events at once (a bad one throws here, nothing is recorded) and records them, all
     * or none: the future completes with the checked events once they are durable and in
     * {@link #recent()}, on the journal's writer thread.
     */
    CompletableFuture<List<LiveEvent>> record(List<LiveEvent> events) {
        List<LiveEvent> checked = contract.check(events, clock.instant().getEpochSecond());
        return journal().append(checked).thenApply(last -> {
            // impressions are what a shopper was shown, not what they did: no fold-in, no session history
            recent.add(checked.stream().filter(LiveEvent::isInteraction).toList(), last, null);
            return checked;
        });
    }

    RecentEvents recent() {
        return recent;
    }

    /**
     * Moves every journaled event into the store now (e.g. before a GDPR export or erasure, so
     * they include events still buffered). Fails when the store stays busy.
     */
    void flush() {
        EventJournal j = journal;
        if (j == null) {
            return;
        }
        synchronized (flushLock) {
            for (EventJournal.Segment segment : j.seal()) {
                try {
                    store.withStore(s -> s.ingestJournalSegment(segment.path()));
                    j.remove(segment.path());
                } catch (InvalidDataException e) {
                    // cannot happen for events this class checked; a segment edited by hand could
                    LOG.error("The store refused journal segment {}, set aside as {}: {}", segment.path(),
                            j.reject(segment.path()), e.getMessage());
                }
                synchronized (stored) {
                    stored.addLast(new Stored(clock.instant(), segment.lastNumber()));
                }
            }
        }
    }

    /**
     * A model whose data was read at {@code readAt} now serves: forget the users' events it has
     * seen, and on the first call read back from the store the live events it has not.
     */
    void modelServed(Instant readAt, RecsysStore storeOpen) {
        if (!readBack) {
            readBack = true;
            Instant since = readAt.isBefore(clock.instant().minus(SESSION_MEMORY)) ? readAt
                    : clock.instant().minus(SESSION_MEMORY);
            for (StoredLiveEvent e : storeOpen.liveEventsStoredSince(since, MAX_READ_BACK)) {
                recent.add(List.of(e.event()), 0, e.storedAt());
            }
        }
        long inModel = 0;
        synchronized (stored) {
            while (!stored.isEmpty() && stored.peekFirst().at().isBefore(readAt)) {
                inModel = stored.removeFirst().lastNumber();
            }
        }
        long cut = inModel;
        recent.forgetUserEvents(entry -> entry.journalNumber() > 0 ? entry.journalNumber() <= cut
                : entry.storedAt().isBefore(readAt));
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EventJournal j = journal;
        if (j != null) {
            flushQuietly();
            j.close();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RecsysException e) {
            // typically another process holds the store for a while: the events wait in the journal
            LOG.debug("Journal not moved into the store yet, retrying: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Moving the event journal {} into the store failed; it stays on disk: {}", journalDir,
                    e.getMessage(), e);
        }
    }

    private EventJournal journal() {
        EventJournal j = journal;
        if (j == null) {
            synchronized (this) {
                if (journal == null) {
                    journal = EventJournal.open(journalDir);
                }
                j = journal;
            }
        }
        return j;
    }

    private boolean hasLeftoverSegments() {
        try (var files = Files.list(journalDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".csv"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
