package io.recsyslite.spring;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.UpdateWorker;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The library's {@link UpdateWorker} as a Spring-scheduled task: a cycle every
 * {@code recsys.update.interval} ingests new event files, folds new events into the model and
 * retrains every {@code recsys.update.retrain-every}; a changed model is hot-swapped into the
 * {@link RecSysEngine}. A failed cycle is logged and the model keeps serving. Cycles run one at a time
 * on the updater's own scheduler thread (the application's {@code @Scheduled} tasks are not
 * delayed by a retrain); it starts and stops with the application context.
 */
public class RecSysUpdater implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RecSysUpdater.class);
    /** The longest a running cycle (a retrain, say) may hold up the application's shutdown. */
    private static final int SHUTDOWN_WAIT_SECONDS = 300;

    private final RecSysEngine recSys;
    private final RecSysProperties properties;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private UpdateWorker worker; // only touched by the scheduler thread
    private ScheduledFuture<?> task;

    RecSysUpdater(RecSysEngine recSys, RecSysProperties properties) {
        this.recSys = recSys;
        this.properties = properties;
        scheduler.setThreadNamePrefix("recsys-update-");
        scheduler.setDaemon(true);
        // a cycle running at shutdown ends before the engine below it is closed (it writes the store and the model)
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(SHUTDOWN_WAIT_SECONDS);
    }

    @Override
    public synchronized void start() {
        scheduler.initialize();
        task = scheduler.scheduleWithFixedDelay(this::cycle, properties.getUpdate().getInterval());
        LOG.info("Update cycles every {} (retrain every {}), new event files from {}",
                properties.getUpdate().getInterval(), properties.getUpdate().getRetrainEvery(),
                properties.getUpdate().getIncomingDir());
    }

    /** One cycle; public for tests and for an application that wants to trigger one. */
    public void cycle() {
        try {
            if (worker == null) {
                if (!Files.exists(properties.getModelDir().resolve(ModelArtifacts.MANIFEST))) {
                    return; // the worker needs a model to update; train one first
                }
                // the engine's way to the store: this process never opens the file twice at once
                worker = new UpdateWorker(recSys.storeAccess(), properties.getModelDir(),
                        properties.getUpdate().getIncomingDir(), properties.getUpdate().getRetrainEvery(),
                        TrainingContext.defaults().withThreads(properties.getThreads()), recSys.algorithms(),
                        Clock.systemUTC());
            }
            UpdateWorker.CycleReport report = worker.runOnce();
            if (report.modelChanged()) {
                ModelStatus status = recSys.swapModel(properties.getModelDir());
                LOG.info("Update cycle {}; serving the {} model of generation {}", report, status.algorithm(),
                        status.generation());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Update cycle failed; the model is unchanged: {}", e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        scheduler.shutdown();
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }
}
