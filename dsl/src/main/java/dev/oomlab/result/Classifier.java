package dev.oomlab.result;

import dev.oomlab.spec.Scenario;

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

    public record Verdict(Outcome outcome, String detail) {
    }

    private Classifier() {
    }

    public static Verdict classify(Scenario scenario, Observation o) {
        if (o.failure() != null) {
            return new Verdict(Outcome.ERROR, o.failure());
        }
        if (o.timedOut()) {
            if (o.underOom()) {
                return new Verdict(Outcome.HUNG, "stuck under OOM (under_oom 1) with the OOM killer disabled; stopped");
            }
            return new Verdict(Outcome.TIMEOUT, "still running after " + scenario.timeout().toSeconds() + " s; stopped");
        }
        Integer exit = o.exitCode();
        if (exit == null) {
            return new Verdict(Outcome.ERROR, "the container never reported an exit code");
        }
        if (exit == 0) {
            return o.sawEvent("end")
                    ? new Verdict(Outcome.OK, "all steps done, exit 0")
                    : new Verdict(Outcome.ERROR, "exit 0 but the probe never reported its end");
        }
        if (exit == EXIT_SIGKILL) {
            if (o.oomKilled()) {
                return new Verdict(Outcome.OOM, "SIGKILL (exit 137) and Docker's OOMKilled true");
            }
            return new Verdict(Outcome.ERROR,
                    "SIGKILL (exit 137) but Docker's OOMKilled is false: killed by something other than the cgroup's OOM killer, or the flag is unreliable here");
        }
        if (exit == EXIT_SIGBUS) {
            return new Verdict(Outcome.SIGBUS, "SIGBUS (exit 135): the tmpfs was full under a mapped page");
        }
        if (exit == EXIT_ALLOC_FAILED && o.sawEvent("fail")) {
            return new Verdict(Outcome.ALLOC_FAILED, "the probe's allocation failed cleanly and it exited 3"
                    + (o.output().isEmpty() ? "" : ": " + o.output().get(o.output().size() - 1)));
        }
        return new Verdict(Outcome.ERROR, "exit " + exit + (o.output().isEmpty() ? "" : ": " + String.join(" | ", o.output())));
    }
}
