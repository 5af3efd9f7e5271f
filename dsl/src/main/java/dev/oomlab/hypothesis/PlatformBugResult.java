package dev.oomlab.hypothesis;

import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepResult;
import java.util.List;

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

    public int runs() {
        return asIs.runs() + toBe.runs() + curves.stream().mapToInt(SweepResult::runs).sum();
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
