package dev.oomlab.probe;

import dev.oomlab.spec.Mib;

/**
 * How one process of a scenario with several ended, as the probe's supervisor saw it, and how far
 * its steps got, as its own lines said.
 *
 * @param name        the process's name
 * @param oomScoreAdj the oom_score_adj it ran with
 * @param pid         its pid inside the container
 * @param status      "signaled" (killed), "exited", or "holding" (alive, holding, when the run ended)
 * @param exitCode    its exit status when it exited, else -1
 * @param signal      the signal that killed it, else 0
 * @param signalName  "SIGKILL", or "" when not killed
 * @param stepsDone   steps it completed
 * @param doneBytes   bytes its allocating steps touched, to its last report (16 MiB chunks)
 * @param oomScore    the last /proc/self/oom_score it reported (the killer's badness, 0-2000 scale), -1 if none
 * @param endMicros   when it ended, or when the run ended while it held (probe clock)
 */
public record ProcessReport(String name, int oomScoreAdj, int pid, String status, int exitCode, int signal,
                           String signalName, int stepsDone, long doneBytes, long oomScore, long endMicros) {

    public static final String KILLED = "signaled";
    public static final String EXITED = "exited";
    public static final String HOLDING = "holding";

    public boolean killed() {
        return KILLED.equals(status);
    }

    public boolean survived() {
        return !killed() && (HOLDING.equals(status) || exitCode == 0);
    }

    public double doneMib() {
        return Mib.ofOrNaN(doneBytes);
    }

    /** "big (oom_score_adj 0): killed by SIGKILL after 304 MiB, 1 step done". */
    public String describe() {
        String how = killed() ? "killed by " + signalName
                : HOLDING.equals(status) ? "alive (holding)" : "exited " + exitCode;
        return String.format("%s (oom_score_adj %d): %s, %.0f MiB touched, %d step%s done", name, oomScoreAdj, how,
                doneMib(), stepsDone, stepsDone == 1 ? "" : "s");
    }

    /** The same report with how far its steps got (from its own lines). */
    public ProcessReport withProgress(int steps, long bytes, long score) {
        return new ProcessReport(name, oomScoreAdj, pid, status, exitCode, signal, signalName, steps, bytes, score,
                endMicros);
    }
}
