package dev.oomlab.probe;

import java.util.Locale;

/** The kinds of line the probe writes (see probe.c): one name per event, compared as a type. */
public enum ProbeEvent {
    /** The supervisor is up, before its worker starts. */
    START,
    /** A chunk of a step is done. */
    PROGRESS,
    /** A step is complete. */
    STEP,
    /** A syscall failed cleanly (ENOMEM, ENOSPC): the worker exits 3. */
    FAIL,
    /** A bad command line. */
    USAGE,
    /** The worker finished every step. */
    END,
    /** The supervisor's last line after its worker ended, with the cgroup's final counters. */
    EXIT,
    /** A statfs step's answer: a filesystem's size and available bytes (see {@link FsStat}). */
    STATFS,
    /** One process of several ended (or held when the run ended): see {@link ProcessReport}. */
    PROC,
    /** The supervisor found its worker stalled under OOM (the killer disabled) and stopped it. */
    HUNG,
    /** A cgroup v2 file the probe wrote before its first step (see {@link CgroupWrite}). */
    CGSET,
    /** {@code probe --stat}: the counters alone. */
    STAT,
    /** A name this version does not know (a newer probe): kept, never matched. */
    UNKNOWN;

    /** The event a line's "ev" field names. */
    public static ProbeEvent named(String ev) {
        try {
            return valueOf(ev.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The name on the probe's line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
