package dev.oomlab.hypothesis;

import dev.oomlab.result.Reclaim;
import dev.oomlab.result.Result;
import dev.oomlab.spec.Size;
import dev.oomlab.spec.Step;
import java.util.Optional;

/**
 * E13's evidence: the page cache a container wrote past its limit was reclaimed while kswapd stayed
 * idle, so the reclaim was the container's own (direct, at its limit). On cgroup v2 the cgroup's
 * own memory.stat says it (pgscan_direct &gt; 0, pgscan_kswapd 0); on v1, where memory.stat has no
 * scan counters, the host's /proc/vmstat does: pgscan_kswapd unchanged while pgsteal_file grew by at
 * least what the cgroup let go. (Global pgscan_direct counts only global reclaim, not a cgroup's.)
 */
record LimitReclaim(String describe) implements Evidence {

    @Override
    public Optional<Boolean> holds(Result r) {
        Reclaim c = r.reclaim();
        long direct = c.cgroupDelta("pgscan_direct");
        long kswapdInCgroup = c.cgroupDelta("pgscan_kswapd");
        if (direct >= 0 && kswapdInCgroup >= 0) {
            return Optional.of(direct > 0 && kswapdInCgroup == 0);
        }
        long released = releasedBytes(r);
        if (!c.hostRead() || released < 0) {
            return Optional.empty();
        }
        long kswapd = c.hostDeltaSum("pgscan_kswapd");
        long stolen = c.hostDelta("pgsteal_file") * 4096;
        if (kswapd > 0) {
            return Optional.of(false);
        }
        return stolen >= released * 9 / 10 ? Optional.of(true) : Optional.empty();
    }

    @Override
    public String why(Result r) {
        Reclaim c = r.reclaim();
        return String.format("%s; the cgroup let go of %d MiB of the page cache it wrote", c.describe(),
                releasedBytes(r) < 0 ? -1 : releasedBytes(r) / Size.MIB);
    }

    /** Bytes of page cache written or read minus what the cgroup still held at the end; -1 unknown. */
    private static long releasedBytes(Result r) {
        if (r.exitReport() == null || r.exitReport().file() < 0) {
            return -1;
        }
        long cached = r.scenario().allSteps().stream()
                .filter(s -> s instanceof Step.WriteFile || s instanceof Step.ReadFile)
                .mapToLong(Step::targetBytes).sum();
        return Math.max(0, cached - r.exitReport().file());
    }
}
