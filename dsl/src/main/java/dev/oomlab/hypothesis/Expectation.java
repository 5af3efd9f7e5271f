package dev.oomlab.hypothesis;

import dev.oomlab.result.Outcome;

/**
 * What a case expects, by name rather than by position:
 * {@code ifTrue(OK).ifFalse(OOM).seedSaw(OOM)} reads as the seed's table does.
 *
 * @param ifTrue       the outcome if the hypothesis holds
 * @param ifFalse      the outcome if it does not
 * @param seedObserved what the seed study observed, or null for a case of your own
 * @param killsIfTrue  for a case of several processes: the one process the OOM killer kills if the
 *                     claim holds (null: no process expected by name)
 * @param killsIfFalse the one it kills if the claim does not hold
 */
public record Expectation(Outcome ifTrue, Outcome ifFalse, Outcome seedObserved, String killsIfTrue,
                          String killsIfFalse, Evidence evidence) {

    public Expectation(Outcome ifTrue, Outcome ifFalse, Outcome seedObserved, String killsIfTrue,
                       String killsIfFalse) {
        this(ifTrue, ifFalse, seedObserved, killsIfTrue, killsIfFalse, null);
    }

    /** Besides the outcome, the run's counters must show this (a claim about reclaim, not an outcome). */
    public Expectation showing(Evidence shown) {
        return new Expectation(ifTrue, ifFalse, seedObserved, killsIfTrue, killsIfFalse, shown);
    }

    /** E13's evidence: the cgroup reclaimed its own page cache while kswapd stayed idle. */
    public static Evidence limitReclaimWithKswapdIdle() {
        return new LimitReclaim("the cgroup reclaimed its page cache with kswapd idle");
    }

    /** E18's evidence: the cgroup's memory.pressure (PSI some) grew before the OOM kill. */
    public static Evidence pressureBeforeKill() {
        return new PressureBeforeKill("memory.pressure (PSI some) rose before the OOM kill");
    }

    /** E10's and E15's evidence: throttled at memory.high (memory.events high), never at memory.max. */
    public static Evidence throttledAtHigh() {
        return new ThrottledAtHigh("throttled at memory.high (memory.events high > 0), usage below memory.max");
    }

    /** E17's evidence: the OOM kill took every process of the container. */
    public static Evidence everyProcessKilled() {
        return new EveryProcessKilled("every process killed (none left holding)");
    }

    /** E26's evidence: the page cache went before anything was swapped out. */
    public static Evidence cacheBeforeSwap() {
        return new CacheBeforeSwap("page cache reclaimed before anything was swapped out");
    }

    /** E16's evidence: under global pressure, kswapd passed the protected container over. */
    public static Evidence passedOverByKswapd() {
        return new HolderReclaim(HolderReclaim.Claim.PASSED_OVER);
    }

    /** E27's evidence: kswapd scanned a container that was far below its own limit. */
    public static Evidence scannedByKswapd() {
        return new HolderReclaim(HolderReclaim.Claim.SCANNED);
    }

    /** E9's evidence under pressure: reclaim pushed the container back to its memory-reservation. */
    public static Evidence pushedToReservation() {
        return new HolderReclaim(HolderReclaim.Claim.PUSHED_TO_RESERVATION);
    }

    /** E9's evidence without pressure: the container kept all the page cache it read. */
    public static Evidence keptItsCache() {
        return new HolderReclaim(HolderReclaim.Claim.KEPT_ALL);
    }

    /** Starts an expectation with the outcome the claim predicts. */
    public static Expectation ifTrue(Outcome outcome) {
        return new Expectation(outcome, null, null, null, null);
    }

    /**
     * For several processes: if the claim holds, the OOM killer kills this process and only it
     * ({@code ifTrueKills("big").ifFalseKills("small")}).
     */
    public static Expectation ifTrueKills(String process) {
        return new Expectation(Outcome.OOM, null, null, requireName(process), null);
    }

    public Expectation ifFalse(Outcome outcome) {
        return new Expectation(ifTrue, outcome, seedObserved, killsIfTrue, null, evidence);
    }

    /** If the claim does not hold, the killer kills this process (and only it). */
    public Expectation ifFalseKills(String process) {
        return new Expectation(ifTrue, Outcome.OOM, seedObserved, killsIfTrue, requireName(process), evidence);
    }

    /** The seed's own observation, so a host that behaves differently shows "not as seed". */
    public Expectation seedSaw(Outcome outcome) {
        return new Expectation(ifTrue, ifFalse, outcome, killsIfTrue, killsIfFalse, evidence);
    }

    private static String requireName(String process) {
        if (process == null || process.isBlank()) {
            throw new IllegalArgumentException("process: a name is needed, got \"" + process + "\"");
        }
        return process;
    }
}
