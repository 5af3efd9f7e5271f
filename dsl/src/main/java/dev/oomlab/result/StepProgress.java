package dev.oomlab.result;

import dev.oomlab.spec.Mib;
import dev.oomlab.spec.Step;

/** How far one step got: the bytes the probe reported done, and whether it finished. */
public record StepProgress(int index, Step step, long doneBytes, boolean completed, boolean started) {

    public double doneMib() {
        return Mib.of(doneBytes);
    }

    /** "ram 1300: 1040/1300 MiB", "free shm: done", "ram 500: not reached". */
    public String describe() {
        if (!started) {
            return step.label() + ": not reached";
        }
        if (step.targetBytes() == 0) {
            return step.label() + (completed ? ": done" : ": started");
        }
        return String.format("%s: %s%d/%d MiB", step.label(), completed ? "done " : "",
                Mib.whole(doneBytes), Mib.whole(step.targetBytes()));
    }
}
