package dev.oomlab.result;

import java.util.Map;

/**
 * Reclaim counters before and after a run, so reclaim can be seen: the container's own (its
 * cgroup's memory.stat, read by the probe on its start and exit lines: v1 pgpgin/pgpgout, v2
 * pgscan/pgsteal by kswapd and direct) and the host's /proc/vmstat (pgscan_kswapd*, pgscan_direct*,
 * pgsteal_*, read by the lab, only where the engine runs on this machine).
 *
 * @param cgroupBefore    "pgpgout" etc. (the probe's "stat_" keys without the prefix), empty when not reported
 * @param cgroupAfter     the same after the run
 * @param hostBefore      /proc/vmstat's reclaim counters before the container started, empty when unread
 * @param hostAfter       the same after it ended
 * @param hostUnavailable why the host's side could not be read (a remote engine), or null
 */
public record Reclaim(Map<String, Long> cgroupBefore, Map<String, Long> cgroupAfter, Map<String, Long> hostBefore,
                      Map<String, Long> hostAfter, String hostUnavailable) {

    public Reclaim {
        cgroupBefore = cgroupBefore == null ? Map.of() : Map.copyOf(cgroupBefore);
        cgroupAfter = cgroupAfter == null ? Map.of() : Map.copyOf(cgroupAfter);
        hostBefore = hostBefore == null ? Map.of() : Map.copyOf(hostBefore);
        hostAfter = hostAfter == null ? Map.of() : Map.copyOf(hostAfter);
    }

    public static Reclaim none() {
        return new Reclaim(Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    public Reclaim withHost(Map<String, Long> before, Map<String, Long> after, String unavailable) {
        return new Reclaim(cgroupBefore, cgroupAfter, before, after, unavailable);
    }

    public boolean hostRead() {
        return !hostBefore.isEmpty() && !hostAfter.isEmpty();
    }

    /** How much a cgroup counter grew during the run, or -1 when it was not reported both times. */
    public long cgroupDelta(String key) {
        return delta(cgroupBefore, cgroupAfter, key);
    }

    /** How much a host counter grew during the run, or -1 when unread. */
    public long hostDelta(String key) {
        return delta(hostBefore, hostAfter, key);
    }

    /** The growth of every host counter whose name starts with {@code prefix} ("pgscan_kswapd"), or -1 when unread. */
    public long hostDeltaSum(String prefix) {
        if (!hostRead()) {
            return -1;
        }
        return hostAfter.keySet().stream().filter(k -> k.startsWith(prefix) && hostBefore.containsKey(k))
                .mapToLong(k -> hostAfter.get(k) - hostBefore.get(k)).sum();
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        Long b = before.get(key);
        Long a = after.get(key);
        return b == null || a == null || b < 0 || a < 0 ? -1 : a - b;
    }

    /** "host: pgscan_kswapd +0, pgscan_direct +0, pgsteal_file +384512; cgroup: pgpgout +512000" (pages). */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (hostRead()) {
            s.append("host /proc/vmstat: pgscan_kswapd +").append(hostDeltaSum("pgscan_kswapd"))
                    .append(", pgscan_direct +").append(hostDeltaSum("pgscan_direct"))
                    .append(", pgscan_file +").append(hostDelta("pgscan_file"))
                    .append(", pgsteal_file +").append(hostDelta("pgsteal_file")).append(" pages");
        } else {
            s.append("host /proc/vmstat: not read").append(hostUnavailable == null ? "" : " (" + hostUnavailable + ")");
        }
        if (!cgroupAfter.isEmpty()) {
            s.append("; cgroup memory.stat:");
            cgroupAfter.keySet().stream().sorted().forEach(k -> s.append(' ').append(k).append(' ')
                    .append(cgroupDelta(k) < 0 ? "?" : (cgroupDelta(k) >= 0 ? "+" : "") + cgroupDelta(k)));
        }
        return s.toString();
    }
}
