package dev.oomlab.hypothesis;

import dev.oomlab.result.Reclaim;
import dev.oomlab.result.Result;
import dev.oomlab.spec.Mib;
import dev.oomlab.spec.Step;
import java.util.Optional;

/**
 * The global-pressure claims' evidence, read from the holder's own cgroup (memory.stat's
 * pgscan_kswapd and pgscan_direct between its start and exit lines, and the page cache it still
 * held at its end): whether kswapd scanned it, and whether it kept what it cached.
 */
final class HolderReclaim implements Evidence {

    enum Claim {
        /** Protected: background reclaim (kswapd) passed it over. */
        PASSED_OVER("kswapd passed it over (its pgscan_kswapd stayed 0)"),
        /** kswapd scanned this cgroup, though it was far below its own limit. */
        SCANNED("kswapd scanned it, far below its own limit (pgscan_kswapd > 0)"),
        /** It kept all the page cache it read (99 %). */
        KEPT_ALL("it kept all the page cache it read"),
        /** Reclaim pushed it back to its --memory-reservation (at most 10 % above), as a v1 soft limit does. */
        PUSHED_TO_RESERVATION("reclaim pushed it back to its memory-reservation");

        private final String text;

        Claim(String text) {
            this.text = text;
        }
    }

    private final Claim claim;

    HolderReclaim(Claim claim) {
        this.claim = claim;
    }

    @Override
    public String describe() {
        return claim.text;
    }

    @Override
    public Optional<Boolean> holds(Result r) {
        long kswapd = r.reclaim().cgroupDelta("pgscan_kswapd");
        long cached = cachedBytes(r);
        long kept = r.exitReport() == null ? -1 : r.exitReport().file();
        return switch (claim) {
            case PASSED_OVER -> kswapd < 0 ? Optional.empty() : Optional.of(kswapd == 0);
            case SCANNED -> kswapd < 0 ? Optional.empty() : Optional.of(kswapd > 0);
            case KEPT_ALL -> kept < 0 || cached <= 0 ? Optional.empty() : Optional.of(kept >= cached * 99 / 100);
            case PUSHED_TO_RESERVATION -> kept < 0 || r.scenario().limits().memoryReservation() == null
                    ? Optional.empty()
                    : Optional.of(kept <= r.scenario().limits().memoryReservation().bytes() * 11 / 10);
        };
    }

    @Override
    public String why(Result r) {
        Reclaim c = r.reclaim();
        long kept = r.exitReport() == null ? -1 : r.exitReport().file();
        var reservation = r.scenario().limits().memoryReservation();
        return String.format("kept %.0f of the %.0f MiB it read%s; its cgroup's pgscan_kswapd %d, pgscan_direct %d",
                Mib.ofOrNaN(kept), Mib.ofOrNaN(cachedBytes(r)),
                reservation == null ? "" : String.format(" (memory-reservation %.0f MiB)", reservation.mib()),
                c.cgroupDelta("pgscan_kswapd"), c.cgroupDelta("pgscan_direct"));
    }

    private static long cachedBytes(Result r) {
        return r.scenario().allSteps().stream().filter(s -> s instanceof Step.ReadFile).mapToLong(Step::targetBytes)
                .sum();
    }
}
