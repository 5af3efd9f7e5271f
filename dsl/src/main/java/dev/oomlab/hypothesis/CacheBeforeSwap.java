package dev.oomlab.hypothesis;

import dev.oomlab.probe.Sample;
import dev.oomlab.result.Result;
import dev.oomlab.spec.Mib;
import java.util.Optional;

/**
 * E26's evidence: at a container's limit, with swap allowed, the page cache goes first and
 * anonymous memory is swapped out after: when swap first holds a whole MiB, at most a tenth of the
 * most page cache the cgroup held is left. Read from the probe's own lines (cgroup v2's
 * memory.swap.current).
 */
record CacheBeforeSwap(String describe) implements Evidence {

    private static final long MIB = 1L << 20;

    @Override
    public Optional<Boolean> holds(Result r) {
        long mostCache = mostCache(r);
        Sample firstSwap = firstSwap(r);
        if (r.samples().isEmpty() || r.samples().get(0).v2().swap() < 0 || mostCache <= 0) {
            return Optional.empty();
        }
        if (firstSwap == null) {
            return Optional.empty(); // nothing swapped: the run did not reach the question
        }
        return Optional.of(firstSwap.file() <= mostCache / 10);
    }

    @Override
    public String why(Result r) {
        Sample firstSwap = firstSwap(r);
        if (r.samples().isEmpty() || r.samples().get(0).v2().swap() < 0) {
            return "no memory.swap.current figures in the probe's lines (cgroup v2's)";
        }
        return firstSwap == null
                ? String.format("nothing swapped out; page cache at most %.0f MiB", Mib.ofOrNaN(mostCache(r)))
                : String.format("page cache at most %.0f MiB, %.0f MiB left when swap first held %.0f MiB (%.2f s)",
                        Mib.ofOrNaN(mostCache(r)), firstSwap.fileMib(), firstSwap.v2().swapMib(), firstSwap.seconds());
    }

    private static long mostCache(Result r) {
        return r.samples().stream().mapToLong(Sample::file).max().orElse(-1);
    }

    private static Sample firstSwap(Result r) {
        return r.samples().stream().filter(s -> s.v2().swap() >= MIB).findFirst().orElse(null);
    }
}
