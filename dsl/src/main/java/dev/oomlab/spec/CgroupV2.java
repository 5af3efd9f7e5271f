package dev.oomlab.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The cgroup v2 memory files Docker has no flag for: memory.high (Kubernetes' memory QoS sets it),
 * memory.min, memory.low and memory.oom.group. The lab writes them itself, into the container's own
 * cgroup before the first step (see {@code ContainerSpec}); a host on cgroup v1 has none of them.
 *
 * @param high     memory.high: above it the cgroup is throttled and reclaimed, never killed; null: "max"
 * @param min      memory.min: memory no reclaim takes, under any pressure; null: 0
 * @param low      memory.low: memory reclaim takes only when nothing unprotected is left; null: 0
 * @param oomGroup memory.oom.group = 1: an OOM kill takes every process of the cgroup
 * @param parentProtected the container runs under a cgroup of the lab's ({@link #PROTECTED_PARENT},
 *                 directly below the root) that carries the same memory.min and memory.low: a
 *                 cgroup's protection is capped by its ancestors', and Docker's own parent has none
 */
public record CgroupV2(Size high, Size min, Size low, boolean oomGroup, boolean parentProtected) {

    public static final CgroupV2 NONE = new CgroupV2(null, null, null, false, false);

    /** The parent cgroup of a container whose protection is to hold: below the root, as kubelet's kubepods is. */
    public static final String PROTECTED_PARENT = "/oomlab-protected";

    public CgroupV2 withHigh(Size size) {
        return new CgroupV2(size, min, low, oomGroup, parentProtected);
    }

    public CgroupV2 withMin(Size size) {
        return new CgroupV2(high, size, low, oomGroup, parentProtected);
    }

    public CgroupV2 withLow(Size size) {
        return new CgroupV2(high, min, size, oomGroup, parentProtected);
    }

    public CgroupV2 withOomGroup(boolean group) {
        return new CgroupV2(high, min, low, group, parentProtected);
    }

    public CgroupV2 withParentProtected(boolean protect) {
        return new CgroupV2(high, min, low, oomGroup, protect);
    }

    public boolean isEmpty() {
        return files().isEmpty();
    }

    /** File name to the value written, in the order they are written (protections before the throttle). */
    public Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        if (parentProtected && min != null) {
            f.put("../memory.min", Long.toString(min.bytes()));
        }
        if (parentProtected && low != null) {
            f.put("../memory.low", Long.toString(low.bytes()));
        }
        if (min != null) {
            f.put("memory.min", Long.toString(min.bytes()));
        }
        if (low != null) {
            f.put("memory.low", Long.toString(low.bytes()));
        }
        if (high != null) {
            f.put("memory.high", Long.toString(high.bytes()));
        }
        if (oomGroup) {
            f.put("memory.oom.group", "1");
        }
        return f;
    }

    /** Throws naming the field when a setting cannot act under this memory limit (null: none set yet). */
    void checkAgainst(Size memory, Size memoryReservation) {
        if (memory != null) {
            above("memoryHigh", high, memory, "memory.max kills before memory.high could throttle");
            above("memoryMin", min, memory, "protection above the limit protects nothing more");
            above("memoryLow", low, memory, "protection above the limit protects nothing more");
        }
        if (low != null && memoryReservation != null) {
            throw new IllegalArgumentException("memoryLow: \"" + low + "\" and memoryReservation \"" + memoryReservation
                    + "\" both set memory.low (Docker maps --memory-reservation to memory.low on cgroup v2): use one");
        }
        if (parentProtected && min == null && low == null) {
            throw new IllegalArgumentException("parentProtected: it gives the parent the container's memory.min or "
                    + "memory.low, and neither is set");
        }
        if (min != null && low != null && min.compareTo(low) > 0) {
            throw new IllegalArgumentException("memoryMin: \"" + min + "\" is above memoryLow \"" + low
                    + "\" (memory.low above memory.min is the soft part of the protection)");
        }
    }

    private static void above(String field, Size value, Size memory, String why) {
        if (value != null && value.compareTo(memory) > 0) {
            throw new IllegalArgumentException(field + ": \"" + value + "\" is above memory \"" + memory + "\" (" + why + ")");
        }
    }

    /** "memory.high 410m, memory.oom.group 1" or "" when none is set. */
    public String text() {
        StringJoiner j = new StringJoiner(", ");
        Map<String, Size> sizes = new LinkedHashMap<>();
        sizes.put("memory.min", min);
        sizes.put("memory.low", low);
        sizes.put("memory.high", high);
        sizes.forEach((file, size) -> {
            if (size != null) {
                j.add(file + " " + size);
            }
        });
        if (oomGroup) {
            j.add("memory.oom.group 1");
        }
        if (parentProtected) {
            j.add("under " + PROTECTED_PARENT + " with the same protection");
        }
        return j.toString();
    }
}
