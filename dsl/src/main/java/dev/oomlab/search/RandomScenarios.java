package dev.oomlab.search;

import static dev.oomlab.dsl.Scenario.scenario;

import dev.oomlab.dsl.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Valid scenarios drawn from a seed: a memory limit, a /dev/shm mount and one to three steps of
 * shm, ram and free-shm, within sizes that any host runs in a second or two. The same seed gives
 * the same scenarios, so a case a host disagrees on can be run again by its seed and index
 * ({@code RandomScenarios.seeded(42).take(16).get(7)}). No swap: memory-swap is left equal to
 * memory, so a host with swap and one without are asked the same question.
 */
public final class RandomScenarios {

    /** Memory limits drawn, in MiB (multiples of 16). */
    public static final int MIN_MEMORY_MIB = 64;
    public static final int MAX_MEMORY_MIB = 512;
    /** Sizes of one allocation, in MiB. */
    public static final int MIN_ALLOC_MIB = 16;
    public static final int MAX_ALLOC_MIB = 600;
    /** Steps per scenario. */
    public static final int MAX_STEPS = 3;

    private final long seed;

    private RandomScenarios(long seed) {
        this.seed = seed;
    }

    public static RandomScenarios seeded(long seed) {
        return new RandomScenarios(seed);
    }

    public long seed() {
        return seed;
    }

    /** The first {@code count} scenarios of this seed, each named "random seed/index". */
    public List<Scenario> take(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, got " + count);
        }
        Random random = new Random(seed);
        List<Scenario> out = new ArrayList<>(count);
        IntStream.range(0, count).forEach(i -> out.add(draw(random).named("random " + seed + "/" + i)));
        return out;
    }

    private static Scenario draw(Random r) {
        int memory = between(r, MIN_MEMORY_MIB / 16, MAX_MEMORY_MIB / 16) * 16;
        Scenario s = scenario().memory(memory + "m");
        switch (r.nextInt(4)) {
            case 0 -> { } // Docker's default /dev/shm (64 MiB)
            case 1 -> s = s.shm(between(r, 1, 40) * 16 + "m");
            case 2 -> s = s.tmpfsShm(between(r, 1, 40) * 16 + "m");
            default -> s = s.tmpfsShm(); // capped by memory only
        }
        int steps = between(r, 1, MAX_STEPS);
        boolean shmHeld = false;
        for (int i = 0; i < steps; i++) {
            int kind = r.nextInt(shmHeld ? 3 : 2);
            if (kind == 2) {
                s = s.freeShm();
                shmHeld = false;
            } else if (kind == 1) {
                s = s.allocShm(between(r, MIN_ALLOC_MIB, MAX_ALLOC_MIB));
                shmHeld = true;
            } else {
                s = s.allocRam(between(r, MIN_ALLOC_MIB, MAX_ALLOC_MIB));
            }
        }
        return s;
    }

    private static int between(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    @Override
    public String toString() {
        return "RandomScenarios(seed " + seed + ")";
    }
}
