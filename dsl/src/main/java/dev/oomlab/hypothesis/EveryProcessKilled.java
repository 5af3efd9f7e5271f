package dev.oomlab.hypothesis;

import dev.oomlab.probe.ProcessReport;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import java.util.Optional;

/**
 * E17's evidence: an OOM kill took every process of the container, not only the one the killer
 * chose. The probe's supervisor (PID 1) reports how each process ended; when the kill takes the
 * supervisor too, no process is left to report, and none holds.
 */
record EveryProcessKilled(String describe) implements Evidence {

    @Override
    public Optional<Boolean> holds(Result r) {
        if (r.outcome() != Outcome.OOM) {
            return Optional.empty();
        }
        return Optional.of(r.processes().stream().noneMatch(ProcessReport::survived));
    }

    @Override
    public String why(Result r) {
        if (r.processes().isEmpty()) {
            return "no process reported how it ended: the kill took the supervisor (PID 1) too";
        }
        return "killed " + r.killedProcesses() + ", survived " + r.processes().stream()
                .filter(ProcessReport::survived).map(ProcessReport::name).toList();
    }
}
