package org.modelgov.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportAnalysesTest {

    @Test
    void runsAtMostThreadsAtOnceQueuesTheNextAndRefusesBeyond() throws Exception {
        ReportAnalyses analyses = new ReportAnalyses(new ReportAnalysisProperties(2, 1, Duration.ofSeconds(7)));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                calls.add(callers.submit(() -> analyses.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    release.await(10, TimeUnit.SECONDS);
                    running.decrementAndGet();
                    return 1;
                })));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((analyses.freeSlots() > 0 || running.get() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(running.get()).as("two run, the third waits").isEqualTo(2);
            assertThatThrownBy(() -> analyses.run(() -> 0)).isInstanceOf(AnalysesBusyException.class)
                    .satisfies(e -> assertThat(((AnalysesBusyException) e).retryAfter()).hasSeconds(7));
            release.countDown();
            for (Future<Integer> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(mostAtOnce.get()).isEqualTo(2);
            assertThat(analyses.freeSlots()).isEqualTo(3);
        } finally {
            release.countDown();
            callers.shutdownNow();
            analyses.stop();
        }
    }

    @Test
    void aFailedAnalysisGivesItsSlotBackAndItsExceptionToTheCaller() {
        ReportAnalyses analyses = new ReportAnalyses(new ReportAnalysisProperties(1, 0, Duration.ofSeconds(1)));
        try {
            assertThatThrownBy(() -> analyses.run(() -> {
                throw new IllegalArgumentException("bad input");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
            assertThatThrownBy(() -> analyses.run(() -> {
                throw new OutOfMemoryError("simulated");
            })).isInstanceOf(OutOfMemoryError.class);
            assertThat(analyses.freeSlots()).isEqualTo(1);
            assertThat(analyses.run(() -> "ok")).isEqualTo("ok");
        } finally {
            analyses.stop();
        }
    }
}
