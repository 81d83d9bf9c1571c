package com.ctipresence.adapter.out.timer;

import com.ctipresence.application.port.out.WrapUpDue;
import com.ctipresence.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The local wrap-up timer: delivery, capped back-off, no lost retry, the switch. */
class LocalWrapUpTimerTest {
    private final TestClock clock = TestClock.frozenAt(TestClock.FIXED);

    @Test
    void backOffDoublesFromOneSecondAndIsCappedAtSixtySeconds() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 30).stream()
                .map(n -> LocalWrapUpTimer.backOff(LocalWrapUpTimer.FIRST_RETRY, n).toSeconds()).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aDueTimerWhoseExpiryFailsIsRetriedWithGrowingDelaysUntilItSucceedsAndIsNeverLost() {
        List<WrapUpDue> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(3);
        LocalWrapUpTimer timer = new LocalWrapUpTimer(due -> {
            deliveries.add(due);
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("store unavailable");
            }
        }, clock, true, Duration.ofMillis(5));
        timer.schedule("cc", "a1", "w1", clock.instant()); // 0 ms: runs at once, possibly before schedule returns
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 4);
        assertThat(deliveries).extracting(WrapUpDue::attempt).containsExactly(1, 2, 3, 4);
        assertThat(deliveries).extracting(WrapUpDue::wrapUpId).containsOnly("w1");
        await().atMost(Duration.ofSeconds(10)).until(() -> timer.pending().isEmpty());
    }

    @Test
    void armingAgainReplacesTheAgentsPendingTimer() {
        List<WrapUpDue> deliveries = new CopyOnWriteArrayList<>();
        LocalWrapUpTimer timer = new LocalWrapUpTimer(deliveries::add, clock, true, Duration.ofMillis(5));
        timer.schedule("cc", "a1", "w1", clock.instant().plusSeconds(3600));
        timer.schedule("cc", "a1", "w2", clock.instant().plusSeconds(3600));
        assertThat(timer.pending()).extracting(WrapUpDue::wrapUpId).containsExactly("w2");
        clock.advance(Duration.ofSeconds(3600));
        timer.fireDue();
        assertThat(deliveries).extracting(WrapUpDue::wrapUpId).containsExactly("w2");
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void switchedOffItArmsNothing() {
        List<WrapUpDue> deliveries = new CopyOnWriteArrayList<>();
        LocalWrapUpTimer timer = new LocalWrapUpTimer(deliveries::add, clock, false, Duration.ofMillis(5));
        timer.schedule("cc", "a1", "w1", clock.instant());
        assertThat(timer.pending()).isEmpty();
        timer.fireDue();
        assertThat(deliveries).isEmpty();
    }
}
