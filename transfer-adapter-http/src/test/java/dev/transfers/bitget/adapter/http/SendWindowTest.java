package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendWindowTest {
    private static final Duration WINDOW = Duration.ofMillis(200);

    @Test
    void slotsInFlightOrRecentlyFinishedAreNotGivenAgain() throws Exception {
        SendWindow window = new SendWindow(3, WINDOW);

        assertThat(window.acquire(Duration.ZERO)).isTrue();
        assertThat(window.acquire(Duration.ZERO)).isTrue();
        assertThat(window.acquire(Duration.ZERO)).isTrue();
        assertThat(window.acquire(Duration.ZERO)).as("all three in flight").isFalse();

        window.release();

        assertThat(window.acquire(Duration.ofMillis(20)))
                .as("a finished request's slot stays taken for the whole window").isFalse();
    }

    @Test
    void aSlotComesFreeAWindowAfterItsRequestEnded() throws Exception {
        SendWindow window = new SendWindow(1, WINDOW);
        assertThat(window.acquire(Duration.ZERO)).isTrue();
        long beforeRelease = System.nanoTime();
        window.release();

        assertThat(window.acquire(Duration.ofSeconds(5))).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - beforeRelease)).isGreaterThanOrEqualTo(WINDOW);
    }

    @Test
    void aWaiterIsWokenByARelease() throws Exception {
        SendWindow window = new SendWindow(1, Duration.ofMillis(10));
        assertThat(window.acquire(Duration.ZERO)).isTrue();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            window.release();
        });
        releaser.start();

        assertThat(window.acquire(Duration.ofSeconds(5))).isTrue();
        releaser.join(5_000);
    }
}
