package dev.oomlab.hypothesis;

import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.search.SweepResult;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The platform bug measured: the app's largest RAM with the platform's limits (AS-IS) and with
 * the limits the user asked for (TO-BE), and optionally both capacity curves.
 *
 * @param curves AS-IS then TO-BE capacity curves (max RAM against shm in use), empty if not swept
 */
public record PlatformBugResult(PlatformBug bug, Boundary asIs, Boundary toBe, List<SweepResult> curves)
{

    public PlatformBugResult {
        curves = List.copyOf(curves);
    }

    /** App RAM the subtraction costs the user, in MiB. */
    public long lostMib() {
        return toBe.mib() - asIs.mib();
    }

    /** Containers run, each once: a curve point that reuses a capacity search adds no run. */
    public int runs() {
        Set<Boundary> searches = Collections.newSetFromMap(new IdentityHashMap<>());
        searches.add(asIs);
        searches.add(toBe);
        int outcomes = 0;
        for (SweepResult c : curves) {
            for (SweepPoint p : c.points()) {
                if (p.boundary() != null) {
                    searches.add(p.boundary());
                } else {
                    outcomes++;
                }
            }
        }
        return outcomes + searches.stream().mapToInt(Boundary::runs).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(bug.toString()).append('\n')
                .append("  AS-IS: ").append(asIs).append('\n')
                .append("  TO-BE: ").append(toBe).append('\n')
                .append("  the subtraction costs the app ").append(lostMib()).append(" MiB");
        curves.forEach(c -> s.append('\n').append(c));
        return s.toString();
    }
}
