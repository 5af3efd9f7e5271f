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
        waitUntilWaiting(acquiring(b, 80, largeGot));
        acquiring(b, 10, smallGot);
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
        CountDownLatch waiterGot = new CountDownLatch(1);
        Thread waiter = acquiring(b, 50, waiterGot);
        waitUntilWaiting(waiter);
        waiter.interrupt();
        waiter.join(2000);
        b.release(first);
        CountDownLatch nextGot = new CountDownLatch(1);
        acquiring(b, 50, nextGot);
        assertThat(nextGot.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(waiterGot.getCount()).as("the interrupted waiter gave up its turn, granted nothing").isEqualTo(1);
    }

    /** A thread, started, that asks the budget for that much and counts down once it is granted. */
    private static Thread acquiring(MemoryBudget b, long bytes, CountDownLatch granted) {
        Thread t = new Thread(() -> {
            try {
                b.acquire(bytes);
                granted.countDown();
            } catch (InterruptedException ignored) {
                // interrupted while waiting: nothing granted
            }
        });
        t.start();
        return t;
    }

    private static void waitUntilWaiting(Thread t) throws InterruptedException {
        for (int i = 0; i < 200 && t.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(5);
        }
        assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
    }
}
