package dev.oomlab.result;

/** How a scenario's container ended. */
public enum Outcome {
    /** Every step done, exit 0. */
    OK("all steps done, exit 0"),
    /** The cgroup's OOM killer: SIGKILL, exit 137. */
    OOM("cgroup OOM kill, SIGKILL, exit 137"),
    /** A tmpfs (/dev/shm) full while writing a mapped page: exit 135. */
    SIGBUS("tmpfs full under a mapped page, SIGBUS, exit 135"),
    /** The probe got a clean error (ENOMEM, ENOSPC) and exited on its own. */
    ALLOC_FAILED("an allocation failed cleanly (ENOMEM/ENOSPC)"),
    /** Stuck under OOM with the OOM killer disabled. */
    HUNG("stuck under OOM with the OOM killer disabled"),
    /** Still running at the timeout, and not under OOM. */
    TIMEOUT("still running at the timeout"),
    /** The engine refused to create the container (e.g. a limit below its minimum): nothing ran. */
    REFUSED("the engine refused the container; nothing ran"),
    /**
     * A prediction only, never observed: the two limits a case meets (the tmpfs's size and the
     * cgroup's) are closer than the model can tell apart, so it does not guess which comes first.
     */
    TOO_CLOSE_TO_TELL("the model cannot tell which limit comes first (a prediction only)"),
    /** Anything else: see the result's error and output. */
    ERROR("something else went wrong");

    private final String meaning;

    Outcome(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
