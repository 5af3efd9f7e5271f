package dev.oomlab.probe;

import dev.oomlab.spec.ScenarioSpec;
import dev.oomlab.spec.Step;
import java.util.ArrayList;
import java.util.List;

/** The probe's argv for a list of steps (the contract is in probe.c). */
public final class ProbeCommand {

    public static final String PATH = "/probe";
    public static final String SCRATCH_DIR = "/scratch";
    public static final int CHUNK_MIB = 16;

    private ProbeCommand() {
    }

    /**
     * A scenario's argv: its cgroup v2 files to set ("--cg-set=FILE=VALUE", written before any step),
     * then its steps, or each process's "proc:NAME:ADJ" followed by its steps.
     */
    public static List<String> argv(ScenarioSpec scenario) {
        List<String> argv = argv(List.of());
        scenario.limits().cgroupV2().files().forEach((file, value) -> argv.add("--cg-set=" + file + "=" + value));
        if (scenario.hasProcesses()) {
            scenario.processes().forEach(p -> argv.addAll(p.probeArgs()));
        } else {
            scenario.steps().forEach(step -> argv.add(step.probeArg()));
        }
        return argv;
    }

    public static List<String> argv(List<Step> steps) {
        List<String> argv = new ArrayList<>();
        argv.add(PATH);
        argv.add("--chunk-mib=" + CHUNK_MIB);
        argv.add("--dir=" + SCRATCH_DIR);
        for (Step step : steps) {
            argv.add(step.probeArg());
        }
        return argv;
    }
}
