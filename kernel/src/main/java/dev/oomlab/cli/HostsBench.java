package dev.oomlab.cli;

import static dev.oomlab.dsl.Scenario.scenario;

import dev.oomlab.dsl.Scenario;
import dev.oomlab.host.Host;
import dev.oomlab.host.Hosts;
import dev.oomlab.host.VmHost;
import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.ResultStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oomlab bench hosts}: in one run, the VM host's boot, a trivial scenario on the VM and on
 * the local engine, and the probe's touch rate in each. Figures, not a judgement.
 */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = {"The VM host's boot time, a trivial scenario's time and the touch rate, VM against local."})
final class HostsBench implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "5", description = "runs of each (default ${DEFAULT-VALUE})")
    int rounds;

    @Mixin
    VmOptions.Shape shape = new VmOptions.Shape("2g");

    @Option(names = "--touch", defaultValue = "400", description = "MiB touched for the rate (default ${DEFAULT-VALUE})")
    int touch;

    @Override
    public Integer call() {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be at least 1, got " + rounds);
        }
        var builder = shape.vm("bench");
        builder.config(); // checked before the boot
        ResultStore.use(ResultStore.NONE); // every run measured afresh
        Host local = Hosts.local();
        long t0 = System.nanoTime();
        try (VmHost vm = builder.start()) {
            double boot = (System.nanoTime() - t0) / 1e9;
            System.out.printf("VM host (%s, %s): boot %.1f s as the lab waits for it (%s)%n", shape.memory,
                    vm.vm().accelerator(), boot, vm.vm().bootTimes());
            System.out.println("  " + vm.fingerprint());
            System.out.println("  " + local.fingerprint());
            Scenario trivial = scenario().memory("64m").allocRam(1);
            Scenario touching = scenario().memory((touch + 256) + "m").allocRam(touch);
            for (Host h : List.of(vm, local)) {
                long w0 = System.nanoTime();
                requireOk(trivial.on(h).run()); // the first run loads the probe image into the engine
                System.out.printf("%-6s first run (probe image load included) %.2f s%n", h.name(),
                        (System.nanoTime() - w0) / 1e9);
            }
            double[][] trivialSecs = new double[2][rounds];
            double[][] touchRate = new double[2][rounds];
            List<Host> hosts = List.of(vm, local);
            for (int i = 0; i < rounds; i++) {
                for (int k = 0; k < hosts.size(); k++) { // alternating, so drift hits both alike
                    long s0 = System.nanoTime();
                    requireOk(trivial.on(hosts.get(k)).run());
                    trivialSecs[k][i] = (System.nanoTime() - s0) / 1e9;
                    touchRate[k][i] = touch / stepSeconds(requireOk(touching.on(hosts.get(k)).run()));
                }
            }
            System.out.printf("%d rounds, alternating; medians:%n", rounds);
            System.out.printf("  %-34s %8s %8s %7s%n", "", "vm", "local", "vm/local");
            double tv = Stats.median(trivialSecs[0]);
            double tl = Stats.median(trivialSecs[1]);
            System.out.printf("  %-34s %7.2fs %7.2fs %7.1fx%n", "trivial run (memory 64m, ram 1)", tv, tl, tv / tl);
            double rv = Stats.median(touchRate[0]);
            double rl = Stats.median(touchRate[1]);
            System.out.printf("  %-34s %6.0f/s %6.0f/s %7.2fx%n", "touch rate, MiB (ram " + touch + ")", rv, rl, rv / rl);
            long s0 = System.nanoTime();
            vm.close();
            System.out.printf("VM stop %.2f s%n", (System.nanoTime() - s0) / 1e9);
        }
        return 0;
    }

    private static Result requireOk(Result r) {
        if (r.outcome() != Outcome.OK) {
            throw new IllegalStateException("a bench run did not end OK on " + r.environment().host() + ": " + r.headline());
        }
        return r;
    }

    /** The probe's own clock at the end of the touching step: no container start or stop in it. */
    private static double stepSeconds(Result r) {
        return r.samples().stream().filter(s -> s.event() == ProbeEvent.STEP && s.step() == 0)
                .mapToLong(Sample::timeMicros).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step line in " + r.headline())) / 1e6;
    }
}
