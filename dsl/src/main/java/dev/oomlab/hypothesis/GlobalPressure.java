package dev.oomlab.hypothesis;

import static dev.oomlab.dsl.Scenario.scenario;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.dsl.Scenarios;
import java.util.function.UnaryOperator;

/**
 * Two containers that push a host of the lab's own out of memory, sized to it: "a" reads back a
 * file of 30 % of the host (clean page cache), signals, and waits; "b" then allocates 70 % of the
 * host and signals back, so "a" ends after the pressure and its exit report says what it kept and
 * how its cgroup was reclaimed. "b" joins "a"'s IPC only to see its signals.
 */
final class GlobalPressure {

    /** What "a" reads into its page cache, in percent of the host's memory. */
    static final int CACHE_PERCENT = 30;
    /** What "b" allocates, in percent of the host's memory. */
    static final int PUSH_PERCENT = 70;

    private GlobalPressure() {
    }

    /** The page cache "a" holds on a host of that many MiB. */
    static int cacheMib(long hostMib) {
        return (int) (hostMib * CACHE_PERCENT / 100);
    }

    /** "a" (with {@code a}'s settings, e.g. {@code s -> s.memoryMin(...)}) and "b" under global pressure. */
    static Scenarios holderAndPusher(long hostMib, UnaryOperator<Scenario> a) {
        return Scenarios.alongside(holder(hostMib, a).signal("cached").await("pushed", "240s"),
                scenario().named("b").memory(hostMib * 80 / 100 + "m").ipc("container:a").timeout("300s")
                        .await("cached", "240s").allocRam((int) (hostMib * PUSH_PERCENT / 100)).signal("pushed"));
    }

    /** "a" alone: the same page cache with no pressure on the host. */
    static Scenarios holderAlone(long hostMib, UnaryOperator<Scenario> a) {
        return Scenarios.alongside(holder(hostMib, a));
    }

    private static Scenario holder(long hostMib, UnaryOperator<Scenario> a) {
        return a.apply(scenario().named("a").memory(hostMib / 2 + "m").ipc("shareable").timeout("300s"))
                .readFile(cacheMib(hostMib));
    }

    /** Percent of the host, as a case names it: "40% of the host (2370 MiB here)" reads badly before a run. */
    static String percentOfHost(long hostMib, int percent) {
        return hostMib * percent / 100 + "m";
    }
}
