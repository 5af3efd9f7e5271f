package dev.oomlab.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void grantsAreCappedAtTheWholeBudget() throws InterruptedException {
        MemoryBudget b = new MemoryBudget(100);
        assertThat(b.acquire(500)).isEqualTo(100);
        assertThat(b.reserved()).isEqualTo(100);
        b.release(100);
        assertThat(b.reserved()).isZero();
    }

    @Test
    void firstComeFirstServedSoALargeRequestIsNotStarved() throws Exception {
        MemoryBudget b = new MemoryBudget(100);
        long first = b.acquire(60);
        CountDownLatch largeGot = new CountDownLatch(1);
        CountDownLatch smallGot = new CountDownLatch(1);
        Thread large = new Thread(() -> {
            try {
                b.acquire(80);
                largeGot.countDown();
            } catch (InterruptedException ignored) {
                // test ends
            }
        });
        large.start();
        waitUntilWaiting(large);
        Thread small = new Thread(() -> {
            try {
                b.acquire(10);
                smallGot.countDown();
            } catch (InterruptedException ignored) {
                // test ends
            }
        });
        small.start();
        // 40 are free: the small one would fit, but the large one asked first
        assertThat(smallGot.await(200, TimeUnit.MILLISECONDS)).isFalse();
        b.release(first);
        assertThat(largeGot.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(smallGot.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anInterruptedWaiterGivesItsTurnAway() throws Exception {
        MemoryBudget b = new MemoryBudget(100);
        long first = b.acquire(100);
        Thread waiter = new Thread(() -> {
            try {
                b.acquire(50);
            } catch (InterruptedException expected) {
                // gave up its turn
            }
        });
        waiter.start();
        waitUntilWaiting(waiter);
        waiter.interrupt();
        waiter.join(2000);
        b.release(first);
        CountDownLatch got = new CountDownLatch(1);
        Thread next = new Thread(() -> {
            try {
                b.acquire(50);
                got.countDown();
            } catch (InterruptedException ignored) {
                // test ends
            }
        });
        next.start();
        assertThat(got.await(2, TimeUnit.SECONDS)).isTrue();
    }

    private static void waitUntilWaiting(Thread t) throws InterruptedException {
        for (int i = 0; i < 200 && t.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(5);
        }
        assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
    }
}
