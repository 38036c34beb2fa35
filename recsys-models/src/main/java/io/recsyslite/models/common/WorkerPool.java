package io.recsyslite.models.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trainer's own thread pool (never the common pool), sized by {@code TrainingContext.threads()}
 * and shut down by {@link #close()}. With one thread, work runs inline on the caller's thread in
 * order, which keeps single-threaded training deterministic. One pool serves one training; the
 * methods are called from that training's thread only.
 */
public final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    public WorkerPool(int threads, String name) {
        this.threads = threads;
        if (threads == 1) {
            executor = null;
        } else {
            String prefix = name + "-worker-";
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, prefix + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    public int threads() {
        return threads;
    }

    /** Work on rows {@code from <= r < to}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /** Work given to one of {@code threads()} workers, numbered from 0. */
    @FunctionalInterface
    public interface WorkerTask {
        void run(int worker);
    }

    /**
     * Runs {@code task} over {@code 0..n} in chunks of {@code chunk} rows, handed out dynamically
     * (rows vary in cost). Returns when all chunks are done; their writes are then visible.
     */
    public void forChunks(int n, int chunk, RangeTask task) {
        if (executor == null) {
            for (int from = 0; from < n; from += chunk) {
                task.run(from, Math.min(n, from + chunk));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        onEachWorker(w -> {
            int from;
            while ((from = next.getAndAdd(chunk)) < n) {
                task.run(from, Math.min(n, from + chunk));
            }
        });
    }

    /** Runs {@code task} once on every worker and waits for all of them. */
    public void onEachWorker(WorkerTask task) {
        if (executor == null) {
            task.run(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            int worker = w;
            futures.add(executor.submit(() -> task.run(worker)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
