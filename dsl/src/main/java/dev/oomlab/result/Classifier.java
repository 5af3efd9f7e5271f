package dev.oomlab.result;

import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.spec.ScenarioSpec;

/**
 * Decides the outcome from the evidence, and says why in one sentence. The exit code leads;
 * Docker's OOMKilled flag is evidence beside it, not the verdict, since it is unreliable on some
 * kernels.
 */
public final class Classifier {

    /** The probe's exit code for a clean allocation failure (see probe.c). */
    public static final int EXIT_ALLOC_FAILED = 3;
    public static final int EXIT_SIGKILL = 137;
    public static final int EXIT_SIGBUS = 135;
    /** The probe's supervisor found its worker stalled under OOM and stopped it (see probe.c). */
    public static final int EXIT_HUNG = 5;

    private Classifier() {
    }

    public static Classification classify(ScenarioSpec scenario, Observation o) {
        if (o.refused()) {
            return new Classification(Outcome.REFUSED, "the engine refused the container: " + o.failure());
        }
        if (o.failure() != null) {
            return new Classification(Outcome.ERROR, o.failure());
        }
        if (o.probe().hung()) {
            return new Classification(Outcome.HUNG, "stuck under OOM: the probe's supervisor read under_oom 1 (or, on "
                    + "cgroup v2, OOM events with no kill) inside the container for a second, and stopped its worker");
        }
        if (o.timedOut()) {
            if (o.underOom()) {
                return new Classification(Outcome.HUNG, "stuck under OOM (under_oom 1) with the OOM killer disabled; stopped");
            }
            return new Classification(Outcome.TIMEOUT, "still running after " + scenario.limits().timeout().toSeconds() + " s; stopped");
        }
        Integer exit = o.exitCode();
        if (exit == null) {
            return new Classification(Outcome.ERROR, "the container never reported an exit code");
        }
        if (exit == 0) {
            return o.sawEvent(ProbeEvent.END)
                    ? new Classification(Outcome.OK, "all steps done, exit 0")
                    : new Classification(Outcome.ERROR, "exit 0 but the probe never reported its end");
        }
        if (exit == EXIT_SIGKILL) {
            return sigkill(o);
        }
        if (exit == EXIT_SIGBUS) {
            return new Classification(Outcome.SIGBUS, "SIGBUS (exit 135): the tmpfs was full under a mapped page");
        }
        if (exit == EXIT_ALLOC_FAILED && o.sawEvent(ProbeEvent.FAIL)) {
            return new Classification(Outcome.ALLOC_FAILED, "the probe's allocation failed cleanly and it exited 3"
                    + (o.output().isEmpty() ? "" : ": " + o.output().get(o.output().size() - 1)));
        }
        return new Classification(Outcome.ERROR, "exit " + exit + (o.output().isEmpty() ? "" : ": " + String.join(" | ", o.output())));
    }

    /**
     * Exit 137. The cgroup's own oom_kill counter, read by the probe's supervisor after its
     * worker died, is the authority; Docker's OOMKilled flag is the fallback when the counter is
     * missing, and any disagreement between the two is said.
     */
    private static Classification sigkill(Observation o) {
        String flag = "Docker's OOMKilled " + o.oomKilled();
        long kills = o.exit() == null ? -1 : o.exit().oomKill();
        if (kills > 0) {
            return new Classification(Outcome.OOM, "SIGKILL (exit 137): the cgroup's oom_kill counter is " + kills + ", "
                    + flag + (o.oomKilled() ? "" : " (the flag disagrees with the cgroup)"));
        }
        if (kills == 0) {
            return new Classification(Outcome.ERROR, "SIGKILL (exit 137) but the cgroup counted no OOM kill (" + flag
                    + "): killed by something else");
        }
        if (o.oomKilled()) {
            return new Classification(Outcome.OOM, "SIGKILL (exit 137) and " + flag
                    + " (the cgroup's own oom_kill counter was not reported)");
        }
        return new Classification(Outcome.ERROR, "SIGKILL (exit 137) but " + flag
                + " and no oom_kill counter: killed by something other than the cgroup's OOM killer");
    }
}
