package dev.oomlab.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One process of a scenario with several: its name, its oom_score_adj and its own steps, run at
 * the same time as the other processes' steps, in the same container (the same memory cgroup).
 * Written fluently: {@code p -> p.oomScoreAdj(500).allocRam(300).hold()}.
 *
 * @param name        how results name it: 1-32 letters, digits, '.', '_' or '-'
 * @param oomScoreAdj written to /proc/self/oom_score_adj before its first step, -1000..1000
 * @param steps       in order; a {@link Step.Hold} may only be the last
 */
public record ProcessSpec(String name, int oomScoreAdj, List<Step> steps) {

    public static final int OOM_SCORE_ADJ_MIN = -1000;
    public static final int OOM_SCORE_ADJ_MAX = 1000;

    public ProcessSpec {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("process: invalid name \"" + name
                    + "\" (expected 1-32 letters, digits, '.', '_' or '-')");
        }
        if (oomScoreAdj < OOM_SCORE_ADJ_MIN || oomScoreAdj > OOM_SCORE_ADJ_MAX) {
            throw new IllegalArgumentException("oomScoreAdj: process \"" + name + "\" asks for " + oomScoreAdj
                    + " (expected -1000 to 1000)");
        }
        steps = List.copyOf(steps);
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i) instanceof Step.Hold) {
                throw new IllegalArgumentException("hold: process \"" + name + "\" holds at step " + (i + 1) + " of "
                        + steps.size() + " (hold must be its last step)");
            }
        }
    }

    /** A process with no steps yet and oom_score_adj 0. */
    public static ProcessSpec named(String name) {
        return new ProcessSpec(name, 0, List.of());
    }

    public ProcessSpec oomScoreAdj(int adj) {
        return new ProcessSpec(name, adj, steps);
    }

    public ProcessSpec then(Step step) {
        Objects.requireNonNull(step, "step");
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new ProcessSpec(name, oomScoreAdj, more);
    }

    public ProcessSpec allocRam(int mib) {
        return then(new Step.AllocRam(mib));
    }

    public ProcessSpec allocShm(int mib) {
        return then(new Step.AllocShm(mib));
    }

    public ProcessSpec allocShm(int mib, String segment) {
        return then(new Step.AllocShm(mib, segment));
    }

    public ProcessSpec writeFile(int mib) {
        return then(new Step.WriteFile(mib));
    }

    public ProcessSpec readFile(int mib) {
        return then(new Step.ReadFile(mib));
    }

    public ProcessSpec sync() {
        return then(new Step.Sync());
    }

    /** Wait (wall clock) before the next step: how processes take turns. */
    public ProcessSpec sleep(String duration) {
        return then(new Step.Sleep(Durations.parse("sleep", duration)));
    }

    /** Spend CPU time in a busy loop, e.g. "4s" of the process's own CPU clock. */
    public ProcessSpec burnCpu(String cpuTime) {
        return then(new Step.BurnCpu(Durations.parse("burnCpu", cpuTime)));
    }

    /** Tells the processes that {@link #await} it that this one got here (they share the container's /dev/shm). */
    public ProcessSpec signal(String name) {
        return then(new Step.Signal(name));
    }

    /**
     * Waits for another process's {@link #signal} of this name, at most 120 s, then goes on either way.
     * Unlike a {@link #sleep}, the turn comes when the other process got there, on a slow or busy host too.
     */
    public ProcessSpec await(String name) {
        return then(new Step.Await(name));
    }

    /** Keep everything until the run ends (the last step). */
    public ProcessSpec hold() {
        return then(new Step.Hold());
    }

    /** The probe's arguments: "proc:NAME:ADJ" and then each step's. */
    public List<String> probeArgs() {
        List<String> args = new ArrayList<>();
        args.add("proc:" + name + ":" + oomScoreAdj);
        steps.forEach(s -> args.add(s.probeArg()));
        return args;
    }

    /** "big (oom_score_adj 0): ram 300, then hold". */
    public String label() {
        StringJoiner j = new StringJoiner(", then ");
        steps.forEach(s -> j.add(s.label()));
        return name + " (oom_score_adj " + oomScoreAdj + "): " + (steps.isEmpty() ? "(no steps)" : j.toString());
    }
}
