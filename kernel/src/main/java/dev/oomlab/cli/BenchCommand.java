package dev.oomlab.cli;

import dev.oomlab.Oomlab;
import dev.oomlab.hypothesis.Catalogue;
import dev.oomlab.hypothesis.Hypothesis;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.run.Boundary;
import dev.oomlab.run.ResultStore;
import dev.oomlab.suite.Suite;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.host.Hosts;
import dev.oomlab.runtime.docker.DockerRuntime;
import dev.oomlab.dsl.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oomlab bench}: benchmarks that print figures side by side in one run (ratios, since
 * these machines are noisy). They judge nothing; the figures go into notes and issues.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (no pass/fail).",
        subcommands = {BenchCommand.RuntimeBench.class, BenchCommand.ProbeBench.class, BenchCommand.VerifyBench.class,
                HostsBench.class, BenchCommand.KernelBench.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** run() against `docker run --rm` of the same probe image, alternating, same hardening. */
    @Command(name = "runtime", mixinStandardHelpOptions = true,
            description = "A trivial scenario through run() and through the docker CLI, side by side.")
    static final class RuntimeBench implements Callable<Integer> {

        @Option(names = "--rounds", defaultValue = "10", description = "runs of each (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--memory", defaultValue = "64m", description = "the scenario's memory (default ${DEFAULT-VALUE})")
        String memory;

        @Option(names = "--ram", defaultValue = "1", description = "MiB of RAM it touches (default ${DEFAULT-VALUE})")
        int ram;

        @Override
        public Integer call() throws Exception {
            DockerRuntime runtime = (DockerRuntime) Oomlab.runtime();
            Scenario trivial = Oomlab.scenario().memory(memory).allocRam(ram);
            List<String> cli = DockerCliArgs.of(trivial.spec(), runtime.imageReference());
            trivial.run(); // warm-up: the image exists, the JIT has seen the path
            requireOk(cli);
            double[] api = new double[rounds];
            double[] docker = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Result r = trivial.run();
                api[i] = (System.nanoTime() - t0) / 1e6;
                if (r.outcome() != Outcome.OK) {
                    throw new IllegalStateException("the scenario did not end OK: " + r.headline());
                }
                long t1 = System.nanoTime();
                requireOk(cli);
                docker[i] = (System.nanoTime() - t1) / 1e6;
            }
            double a = Stats.median(api);
            double d = Stats.median(docker);
            System.out.printf("scenario (memory %s, ram %d MiB), %d rounds, alternating%n", memory, ram, rounds);
            System.out.printf("  run()            median %7.1f ms%n", a);
            System.out.printf("  docker run --rm  median %7.1f ms%n", d);
            System.out.printf("  ratio run()/CLI  %.2f  (target: <= 1.00)%n", a / d);
            return 0;
        }

        private static void requireOk(List<String> cli) throws IOException, InterruptedException {
            int exit = runCli(cli);
            if (exit != 0) {
                throw new IllegalStateException("docker run exited " + exit + ": " + String.join(" ", cli));
            }
        }

    }

    /** Runs a docker CLI command, discarding its output, and returns its exit status. */
    static int runCli(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    /**
     * One whole verify, part by part (what it costs and how many runs it made), then the 22 seed
     * cases through a suite against the docker CLI one by one, both on this machine in one run.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"A whole verify, timed part by part, with its runs; then the seed's 22 cases",
                    "through a parallel suite against the docker CLI run serially."})
    static final class VerifyBench implements Callable<Integer> {

        @Option(names = "--out", description = "report directory (default: target/oomlab-bench-report under the project)")
        Path out;

        @Option(names = "--no-notebooks", description = "time verify without its notebooks")
        boolean noNotebooks;

        @Override
        public Integer call() throws Exception {
            DockerRuntime runtime = (DockerRuntime) Oomlab.runtime();
            VerifyCommand verify = new VerifyCommand();
            verify.out = out != null ? out : ProjectRoot.resolve("target", "oomlab-bench-report");
            verify.noNotebooks = noNotebooks;
            VerifyCommand.VerifyRun v = verify.execute(ProgressBar.onStderr());

            ResultStore.use(ResultStore.empty()); // the comparison below measures afresh
            List<Hypothesis> all = Catalogue.all();
            List<Scenario> cases = all.stream().flatMap(h -> h.scenarios().stream()).toList();
            Suite suite = Suite.on(runtime);
            long t0 = System.nanoTime();
            List<HypothesisResult> results = Hypothesis.runAll(all, suite);
            double suiteSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            int cliOk = 0;
            for (Scenario c : cases) {
                int exit = runCli(DockerCliArgs.of(c.spec(), runtime.imageReference()));
                cliOk += exit == 0 ? 1 : 0;
            }
            double cliSeconds = (System.nanoTime() - t1) / 1e9;

            double measuring = v.hypothesesSeconds() + v.bugSeconds();
            PlatformBugResult bug = v.bug();
            System.out.printf("%nverify, one run on this machine%n");
            System.out.printf("  wall time               %7.1f s   (%.2f x its measuring parts; target: <= 1.25)%n",
                    v.wallSeconds(), v.wallSeconds() / measuring);
            System.out.printf("  suite (%d cases)         %7.1f s%n", cases.size(), v.hypothesesSeconds());
            System.out.printf("  platform bug            %7.1f s   (%d runs; target: <= 20)%n", v.bugSeconds(),
                    bug == null ? 0 : bug.runs());
            System.out.printf("  notebooks               %7.1f s   (%d at once, the first wave beside the platform bug)%n",
                    v.notebookSeconds(), VerifyNotebooks.PARALLELISM);
            System.out.printf("  notebooks add           %7.1f s   (after the measuring; target: <= 60 s in all)%n",
                    v.notebookAddedSeconds());
            System.out.printf("  report and the rest     %7.1f s%n",
                    v.wallSeconds() - measuring - v.notebookAddedSeconds());
            System.out.printf("  containers started      %7d     (each listed once in results.json)%n",
                    v.containersStarted());
            if (bug != null) {
                for (Boundary b : List.of(bug.asIs(), bug.toBe())) {
                    System.out.printf("  boundary search         %7d runs (target: <= 3)  %s%n", b.runs(), b);
                }
            }
            long reproduced = results.stream().filter(HypothesisResult::reproducesSeed).count();
            System.out.printf("the seed's %d cases (H1-H8), measured afresh%n", cases.size());
            System.out.printf("  suite, parallelism %d   %6.1f s   (%d of %d hypotheses reproduce the seed)%n",
                    suite.parallelism(), suiteSeconds, reproduced, all.size());
            System.out.printf("  docker CLI, serial      %6.1f s   (%d of %d exited 0)%n", cliSeconds, cliOk, cases.size());
            System.out.printf("  ratio suite/CLI         %.2f   (target: <= 0.55)%n", suiteSeconds / cliSeconds);
            return 0;
        }
    }

    /** The probe's page-touch rate against a plain C loop (bench/probe-touch.sh). */
    @Command(name = "probe", mixinStandardHelpOptions = true,
            description = "The probe's touch rate against a plain C loop, on the host.")
    static final class ProbeBench implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            Path script = ProjectRoot.resolve("bench", "probe-touch.sh");
            if (!Files.isReadable(script)) {
                throw new IllegalArgumentException("bench: cannot find " + script + " (run from the repository)");
            }
            return new ProcessBuilder("bash", script.toString()).inheritIO().start().waitFor();
        }
    }

    /**
     * This build's kernel against Debian's ipykernel in one run (bench/kernel-bench.py): cold start,
     * warm round trip of 1+1, CPU per request, RSS, shutdown. The kernelspec goes into a scratch
     * prefix first, so the figures are this build's, whatever is installed for the user.
     */
    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "The oomlab kernel against Debian's python3 kernel (ipykernel), side by side.")
    static final class KernelBench implements Callable<Integer> {

        @Option(names = "--starts", defaultValue = "3", description = "cold starts per kernel (default ${DEFAULT-VALUE})")
        int starts;

        @Option(names = "--json", description = "also write the figures to this file")
        Path json;

        @Override
        public Integer call() throws Exception {
            Path script = ProjectRoot.resolve("bench", "kernel-bench.py");
            if (!Files.isReadable(script)) {
                throw new IllegalArgumentException("bench: cannot find " + script + " (run from the repository)");
            }
            Path prefix = Files.createTempDirectory("oomlab-bench-kernel");
            try {
                new dev.oomlab.kernel.install.KernelSpecInstaller(System.out).install(
                        dev.oomlab.kernel.install.KernelSpec.ofThisInstallation(
                                dev.oomlab.kernel.install.KernelSpec.DEFAULT_NAME),
                        new dev.oomlab.kernel.install.InstallTarget.Prefix(prefix));
                List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", script.toString(),
                        "--starts", String.valueOf(starts)));
                if (json != null) {
                    command.addAll(List.of("--json", json.toAbsolutePath().toString()));
                }
                ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
                builder.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
                builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
                return builder.start().waitFor();
            } finally {
                org.apache.commons.io.FileUtils.deleteDirectory(prefix.toFile());
            }
        }
    }
}
