package dev.oomlab.model;

import dev.oomlab.result.Outcome;
import dev.oomlab.result.Prediction;
import dev.oomlab.spec.ProcessSpec;
import dev.oomlab.spec.ScenarioSpec;
import java.util.List;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;

/**
 * The seed study's rules, as a pure function of a scenario: nothing runs.
 * <ul>
 *   <li>shm and app memory share one pool, the memory limit: shm + app past memory is an OOM kill;</li>
 *   <li>shm past the /dev/shm size is SIGBUS when that size is the tighter bound, so the
 *       effective shm limit is min(shm-size, memory);</li>
 *   <li>file pages are reclaimable page cache: they do not count;</li>
 *   <li>freed shm (unmapped and unlinked) returns to the pool;</li>
 *   <li>with the OOM killer disabled, an OOM becomes a hang.</li>
 * </ul>
 * What it leaves out on purpose: the kernel's own overhead (page tables, the probe's few pages),
 * so near a boundary the kernel may fail a little earlier than the model; swap (memory-swap is
 * ignored: these hosts have none); an unsized tmpfs' default of half the host's RAM.
 */
public final class LimitModel {

    /**
     * What the cgroup holds besides the steps: the probe's own pages (about 2 MiB) and the page
     * tables of what is mapped (8 bytes per 4 KiB page, 2 KiB per MiB). Measured on cgroup v1: with
     * shm-size equal to memory the cgroup filled at 1019.1 MiB of shm under 1g and 509.2 under 512m.
     */
    static final long OVERHEAD_BASE_BYTES = 2 * Size.MIB;
    /** Below this distance between the two limits the model says "too close to tell" (1g: 1016m SIGBUS, 1020m OOM). */
    static final long CLOSE_BYTES = 2 * Size.MIB;

    static long overheadOf(long mappedBytes) {
        return OVERHEAD_BASE_BYTES + mappedBytes / 512;
    }

    /** The seed's rules. */
    public static final LimitModel SEED = new LimitModel();

    private LimitModel() {
    }

    /** The predicted outcome with the rule and the numbers behind it. */
    public Prediction predict(ScenarioSpec scenario) {
        return walk(scenario).prediction;
    }

    public Outcome outcome(ScenarioSpec scenario) {
        return predict(scenario).outcome();
    }

    /** The largest app RAM (MiB) that, appended after the scenario's steps, the model says ends OK. */
    public long maxRamMib(ScenarioSpec scenario) {
        State end = walk(scenario);
        return end.prediction.outcome() == Outcome.OK ? end.memRoom() / Size.MIB : 0;
    }

    /** The largest shm (MiB) that, appended after the scenario's steps, the model says ends OK. */
    public long maxShmMib(ScenarioSpec scenario) {
        State end = walk(scenario);
        return end.prediction.outcome() == Outcome.OK ? Math.min(end.memRoom(), end.tmpfsRoom()) / Size.MIB : 0;
    }

    private State walk(ScenarioSpec scenario) {
        if (scenario.limits().memory() == null) {
            throw new IllegalArgumentException("memory: the model needs a memory limit, got none in " + scenario);
        }
        State st = new State(scenario);
        List<Step> steps = scenario.allSteps(); // several processes: what all of them hold at the end
        for (int i = 0; i < steps.size() && st.prediction == null; i++) {
            st.apply(i, steps.get(i));
        }
        if (st.prediction != null && st.prediction.outcome() == Outcome.OOM && scenario.hasProcesses()) {
            Prediction p = st.prediction;
            st.prediction = new Prediction(p.outcome(), -1, p.reason() + "; " + victim(scenario), p.marginMib());
        }
        if (st.prediction == null) {
            st.prediction = new Prediction(Outcome.OK, -1, String.format(
                    "peak shm %s + ram %s = %s MiB fits memory %s MiB; peak shm fits its limit %s",
                    mib(st.peakShm), mib(st.peakTotalAnon), mib(st.peakTotal), mib(st.memory), st.shmLimitText()),
                    st.margin / Size.MIB);
        }
        return st;
    }

    /**
     * The process the killer should pick: the largest rss + oom_score_adj x limit / 1000 (Linux's
     * badness since 2.6.36, swap and page tables left out), never one at -1000. Each process is
     * counted with all it asks for, so a process killed before it got there is counted too large.
     */
    static String victim(ScenarioSpec scenario) {
        long limitPages = scenario.limits().memory().bytes() / 4096;
        ProcessSpec chosen = null;
        long best = Long.MIN_VALUE;
        for (ProcessSpec p : scenario.processes()) {
            if (p.oomScoreAdj() == ProcessSpec.OOM_SCORE_ADJ_MIN) {
                continue;
            }
            long pages = p.steps().stream().filter(s -> s.allocatesRam() || s.allocatesShm())
                    .mapToLong(Step::targetBytes).sum() / 4096;
            long points = pages + p.oomScoreAdj() * limitPages / 1000;
            if (points > best) {
                best = points;
                chosen = p;
            }
        }
        return chosen == null ? "every process is at oom_score_adj -1000: nothing the killer may take"
                : "by rss + oom_score_adj x limit / 1000 the killer takes \"" + chosen.name() + "\"";
    }

    private static String mib(long bytes) {
        return bytes % Size.MIB == 0 ? Long.toString(bytes / Size.MIB) : String.format("%.1f", bytes / (double) Size.MIB);
    }

    /** The pool as the steps go: what shm and app memory hold, and the first failure. */
    private static final class State {
        final long memory;
        final Long tmpfsLimit;
        final boolean oomKillDisabled;
        long shm;
        long anon;
        long peakShm;
        long peakTotal;
        long peakTotalAnon;
        long margin = Long.MAX_VALUE;
        Prediction prediction;

        State(ScenarioSpec s) {
            memory = s.limits().memory().bytes();
            Size size = s.limits().shm().sizeLimit();
            // with --ipc=host /dev/shm is the host's: the container's shm-size does not apply
            tmpfsLimit = size == null || "host".equals(s.limits().ipc()) ? null : size.bytes();
            oomKillDisabled = s.limits().oomKillDisable();
        }

        long memRoom() {
            return memory - shm - anon;
        }

        long tmpfsRoom() {
            return tmpfsLimit == null ? Long.MAX_VALUE : tmpfsLimit - shm;
        }

        String shmLimitText() {
            return tmpfsLimit == null ? "(none but memory)" : "min(shm-size " + mib(tmpfsLimit) + ", memory "
                    + mib(memory) + ") = " + mib(Math.min(tmpfsLimit, memory)) + " MiB";
        }

        void apply(int i, Step step) {
            if (step.allocatesShm()) {
                allocShm(i, step.targetBytes());
            } else if (step.allocatesRam()) {
                allocRam(i, step.targetBytes());
            } else if (step instanceof Step.FreeShm) {
                shm = 0;
            }
            // WriteFile: page cache, reclaimed inside the cgroup, never counted; Sleep touches nothing
        }

        void allocShm(int i, long n) {
            long tmpfs = tmpfsRoom();
            long mem = memRoom();
            if (n <= Math.min(tmpfs, mem)) {
                shm += n;
                grew(Math.min(tmpfs, mem) - n);
                return;
            }
            // Past both: which limit comes first. The cgroup also holds what is not a step: the probe's
            // own pages and the page tables of what is mapped (OVERHEAD_*, measured), so it fills first
            // when shm-size equals memory; within CLOSE of each other the model does not guess.
            long cgroupRoom = mem - overheadOf(Math.min(memory, shm + anon + n));
            if (n > tmpfs && n > cgroupRoom && Math.abs(tmpfs - cgroupRoom) <= CLOSE_BYTES) {
                prediction = new Prediction(Outcome.TOO_CLOSE_TO_TELL, i, String.format(
                        "shm %s MiB passes both the tmpfs (%s MiB left) and the cgroup (about %s MiB left after the "
                                + "probe's own pages and page tables): within %d MiB of each other, either may come first",
                        mib(shm + n), mib(tmpfs), mib(cgroupRoom), CLOSE_BYTES / Size.MIB), 0);
            } else if (tmpfs <= cgroupRoom) {
                // the tmpfs checks its size before the page is charged to the cgroup
                prediction = new Prediction(Outcome.SIGBUS, i, String.format(
                        "shm %s MiB > shm-size %s MiB, the tighter bound (memory %s MiB)",
                        mib(shm + n), mib(tmpfsLimit), mib(memory)), (n - tmpfs) / Size.MIB);
            } else {
                oom(i, shm + n, anon, n - mem);
            }
        }

        void allocRam(int i, long n) {
            long mem = memRoom();
            if (n <= mem) {
                anon += n;
                grew(mem - n);
            } else {
                oom(i, shm, anon + n, n - mem);
            }
        }

        void oom(int i, long shmAsked, long anonAsked, long over) {
            String sum = String.format("shm %s + ram %s = %s MiB > memory %s MiB",
                    mib(shmAsked), mib(anonAsked), mib(shmAsked + anonAsked), mib(memory));
            prediction = oomKillDisabled
                    ? new Prediction(Outcome.HUNG, i, sum + ", OOM killer disabled", over / Size.MIB)
                    : new Prediction(Outcome.OOM, i, sum, over / Size.MIB);
        }

        void grew(long headroom) {
            margin = Math.min(margin, headroom);
            peakShm = Math.max(peakShm, shm);
            if (shm + anon > peakTotal) {
                peakTotal = shm + anon;
                peakTotalAnon = anon;
            }
        }
    }
}
