package org.modelgov.evidence;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Runs the API's report analyses on a fixed number of threads with a bounded wait: a request beyond
 * {@code threads + queue} is refused at once ({@link AnalysesBusyException}, HTTP 503) instead of
 * piling up analyses until the heap is gone. The caller's thread waits for the result.
 *
 * <p>Admission is a semaphore taken before the task is queued and given back when it has finished,
 * so whether a request is refused depends only on how many analyses are admitted, never on a thread
 * pool's timing.
 */
@Component
public class ReportAnalyses {

    private final Semaphore slots;
    private final int capacity;
    private final ExecutorService threads;
    private final ReportAnalysisProperties settings;

    ReportAnalyses(ReportAnalysisProperties settings) {
        this.settings = settings;
        this.capacity = settings.threads() + settings.queue();
        this.slots = new Semaphore(capacity);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "report-analysis-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // unbounded queue, but never more than `queue` waiting: the semaphore admits no more
        this.threads = Executors.newFixedThreadPool(settings.threads(), factory);
    }

    /** Runs {@code analysis} on an analysis thread and returns its result, or refuses when all slots are taken. */
    public <T> T run(Callable<T> analysis) {
        if (!slots.tryAcquire()) {
            throw new AnalysesBusyException(settings.retryAfter());
        }
        Future<T> result;
        try {
            result = threads.submit(() -> {
                try {
                    return analysis.call();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("report analysis failed", cause);
        } catch (InterruptedException e) {
            // not cancelled: a task cancelled before it starts would never give its slot back
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a report analysis");
        }
    }

    /** Analyses that may still be admitted (running or waiting) before requests are refused. */
    public int freeSlots() {
        return slots.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
