package dev.oomlab.cli;

import dev.oomlab.Oomlab;
import dev.oomlab.hypothesis.Catalogue;
import dev.oomlab.host.Host;
import dev.oomlab.host.Hosts;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HostComparison;
import dev.oomlab.hypothesis.Hypothesis;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.report.ReportFiles;
import dev.oomlab.report.ReportWriter;
import dev.oomlab.report.Summary;
import dev.oomlab.run.ResultStore;
import dev.oomlab.run.StoredResult;
import dev.oomlab.suite.Suite;
import dev.oomlab.notebook.NotebookRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oomlab verify [H1 H2 …]}: the main job. Reproduces the chosen hypotheses (all, and the
 * platform bug, when none is named), prints the verdicts and writes the report. Exits 1 when any
 * case's observation differs from the seed's.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Reproduces the seed study's hypotheses in real containers and writes a report.",
                "Exit status 1 when any observation differs from the seed's."})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ID", description = "hypotheses to run (default: all, and the platform bug)")
    List<String> ids = new ArrayList<>();

    @Option(names = "--out", description = "report directory (default: target/oomlab-report under the project)")
    Path out;

    @Option(names = "--parallelism", description = "cases run at once (default: ${DEFAULT-VALUE})")
    int parallelism = Suite.DEFAULT_PARALLELISM;

    @Option(names = "--curve-step", defaultValue = "256",
            description = "MiB between points of the platform bug's capacity curves (default: ${DEFAULT-VALUE})")
    int curveStep = 256; // also when built without picocli (bench verify)

    @Option(names = "--no-platform-bug", description = "skip the platform bug's boundary searches")
    boolean noPlatformBug;

    @Option(names = "--no-notebooks", description = "do not execute the notebooks into the report")
    boolean noNotebooks;

    @Option(names = "--no-extended", description = "skip the extended hypotheses (E1…, seeds 001-004)")
    boolean noExtended;

    @Option(names = "--hosts", split = ",", paramLabel = "HOST",
            description = {"hosts to run the seed study on side by side, the first one's results leading the report:",
                    "local, vm (a running `host start vm`, else one booted now and stopped after), or a Docker",
                    "address (tcp://HOST:PORT, unix:///path). Default: local"})
    List<String> hosts = new ArrayList<>();

    @Option(names = "--vm-memory", defaultValue = "6g",
            description = "memory of a VM that --hosts boots (default ${DEFAULT-VALUE}: H2 asks for a 4g container)")
    String vmMemory = "6g";

    @Option(names = "--vm-swap", defaultValue = "1g",
            description = "swap of a VM that --hosts boots (default ${DEFAULT-VALUE}: E6, E10, E18 and E26 need swap)")
    String vmSwap = "1g";

    @Override
    public Integer call() {
        VerifyRun run = execute(ProgressBar.onStderr());
        print(run);
        return run.passed() ? 0 : 1;
    }

    /**
     * The whole job, timed part by part: the hypotheses, the platform bug, the notebooks (their
     * first wave beside the platform bug, see {@link VerifyNotebooks}), the report. Every run goes
     * through one result store, merged into a file under the report directory for the notebooks'
     * kernels, so that no scenario runs twice on this host.
     */
    VerifyRun execute(ProgressBar progress) {
        List<Hypothesis> chosen = choose();
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: must be at least 1, got " + parallelism);
        }
        if (curveStep < 16) {
            throw new IllegalArgumentException("curve-step: must be at least 16 MiB, got " + curveStep);
        }
        List<HostChoice> hostChoices = HostChoice.parseAll(hosts); // checked before any VM boots
        if (!hostChoices.isEmpty()) {
            Hosts.vm().memory(vmMemory).swap(vmSwap).config(); // the VM's settings too
        }
        long start = System.nanoTime();
        ResultStore store = ResultStore.empty();
        ResultStore.use(store);
        try (OpenHosts open = OpenHosts.open(hostChoices, vmMemory, vmSwap)) {
            return execute(chosen, open, store, start, progress);
        }
    }

    private VerifyRun execute(List<Hypothesis> chosen, OpenHosts open, ResultStore store, long start,
                              ProgressBar progress) {
        List<Host> onHosts = open.hosts();
        Suite suite = (onHosts.isEmpty() ? Suite.on(Oomlab.runtime()) : Suite.on(onHosts.get(0)))
                .parallelism(parallelism).listener(onHosts.size() > 1 ? progress.onHost(onHosts.get(0).name()) : progress);
        Path dir = reportDir();
        Path storeFile = freshStoreFile(dir);
        boolean withNotebooks = ids.isEmpty() && !noNotebooks;

        // the notebooks are found and their kernelspec installed first: a missing one fails before any run
        try (VerifyNotebooks notebooks = withNotebooks ? VerifyNotebooks.prepare(dir, storeFile, progress,
                onHosts.stream().anyMatch(h -> h.name().equals(HostCommand.VM))) : null) {
            long t0 = System.nanoTime();
            progress.phase("hypotheses");
            List<Hypothesis> extended = chooseExtended();
            HostComparison comparison = null;
            List<HypothesisResult> results;
            List<HypothesisResult> extendedResults;
            if (onHosts.isEmpty()) {
                List<HypothesisResult> all = Hypothesis.runAll(concat(chosen, extended), suite); // one parallel batch
                results = all.subList(0, chosen.size());
                extendedResults = all.subList(chosen.size(), all.size());
            } else {
                // each host its own suite under its own budget, all hosts at once, all counted on the one bar
                List<Suite> suites = new ArrayList<>(List.of(suite));
                onHosts.subList(1, onHosts.size()).forEach(h -> suites.add(Suite.on(h).parallelism(parallelism)
                        .listener(progress.onHost(h.name()))));
                // the extended hypotheses too: each host gives its verdict, or says why it cannot run them
                comparison = HostComparison.run(concat(chosen, extended), onHosts, suites);
                List<HypothesisResult> first = comparison.hosts().get(0).hypotheses();
                results = first.subList(0, chosen.size());
                extendedResults = first.subList(chosen.size(), first.size());
            }
            progress.end();
            double hypothesesSeconds = seconds(t0);

            store.mergeInto(storeFile);
            if (notebooks != null) {
                notebooks.startEarly(); // beside the platform bug: they need only the hypotheses' runs
            }
            PlatformBugResult bug = null;
            double bugSeconds = 0;
            if (ids.isEmpty() && !noPlatformBug) {
                long t1 = System.nanoTime();
                progress.phase("platform bug");
                bug = Catalogue.platformBug().measureWithCurves(curveStep, suite, progress);
                progress.end();
                bugSeconds = seconds(t1);
                store.mergeInto(storeFile);
            }
            long t2 = System.nanoTime();
            NotebookRuns notebookRuns = notebooks == null ? null : notebooks.finish();
            if (notebooks != null && !notebooks.skipped().isEmpty()) {
                System.err.println("verify: not executed, they need the VM host (verify --hosts local,vm): "
                        + notebooks.skipped().stream().map(p -> p.getFileName().toString()).toList());
            }
            double notebookSeconds = notebooks == null ? 0 : notebooks.seconds();
            double notebookAddedSeconds = notebooks == null ? 0 : seconds(t2);
            // the kernels added what they measured themselves to the file
            List<StoredResult> containers = notebooks == null ? store.all() : ResultStore.load(storeFile).all();
            ResultStore.removeLock(storeFile);
            List<Path> notebookPages = notebookRuns == null ? List.of()
                    : notebookRuns.runs().stream().map(r -> r.html() != null ? r.html() : r.executed())
                    .filter(java.util.Objects::nonNull).toList();
            ReportWriter writer = ReportWriter.to(dir).notebooks(notebookPages).containers(containers)
                    .extended(extendedResults);
            ReportFiles files = (comparison == null ? writer : writer.hosts(comparison)).write(results, bug);
            return new VerifyRun(results, extendedResults, bug, notebookRuns, files, containers, hypothesesSeconds,
                    bugSeconds, notebookSeconds, notebookAddedSeconds, seconds(start), comparison);
        }
    }

    /** The report's result store, emptied: a store left by an earlier verify must answer nothing. */
    private static Path freshStoreFile(Path dir) {
        Path file = dir.resolve(STORE_FILE);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the old result store " + file, e);
        }
        return file;
    }

    /**
     * What one verify did and how long each part took. The notebooks' first wave runs beside the
     * platform bug: {@code notebookSeconds} is their whole span, {@code notebookAddedSeconds} what
     * they added to the wall time after the platform bug.
     *
     * @param hosts the seed study on each host of --hosts, or null when it ran on this machine's engine only
     */
    record VerifyRun(List<HypothesisResult> hypotheses, List<HypothesisResult> extended, PlatformBugResult bug,
                     NotebookRuns notebooks,
                     ReportFiles files, List<StoredResult> containers, double hypothesesSeconds, double bugSeconds,
                     double notebookSeconds, double notebookAddedSeconds, double wallSeconds,
                     HostComparison hosts) {

        boolean passed() {
            return Summary.of(hypotheses).reproducesSeed() && (notebooks == null || notebooks.allPassed());
        }

        /** Containers the job started: verify's own and those of the notebooks' kernels. */
        long containersStarted() {
            return containers.size();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The result store verify writes under the report directory and hands to the notebooks' kernels. */
    static final String STORE_FILE = "results-store.json";

    private List<Hypothesis> choose() {
        if (ids.isEmpty()) {
            return Catalogue.all();
        }
        List<Hypothesis> chosen = new ArrayList<>();
        for (String id : ids) {
            String wanted = id.toUpperCase(Locale.ROOT);
            if (!Catalogue.ids().contains(wanted) && !Catalogue.extendedIds().contains(wanted)) {
                throw new IllegalArgumentException("hypotheses: unknown id \"" + id + "\" (known: "
                        + String.join(", ", Catalogue.ids()) + ", " + String.join(", ", Catalogue.extendedIds()) + ")");
            }
            if (Catalogue.ids().contains(wanted)) {
                chosen.add(Catalogue.byId(wanted));
            }
        }
        return chosen;
    }

    /** The extended hypotheses asked for: all of them when no id is given (unless --no-extended). */
    private List<Hypothesis> chooseExtended() {
        if (ids.isEmpty()) {
            return noExtended ? List.of() : Catalogue.extended();
        }
        return ids.stream().map(id -> id.toUpperCase(Locale.ROOT)).filter(Catalogue.extendedIds()::contains)
                .map(Catalogue::byId).toList();
    }

    private static List<Hypothesis> concat(List<Hypothesis> a, List<Hypothesis> b) {
        List<Hypothesis> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The extended hypotheses: a verdict, or "cannot run on this host" and why. */
    private static void printExtended(List<HypothesisResult> extended) {
        if (extended.isEmpty()) {
            return;
        }
        System.out.printf("%nextended hypotheses (seeds 001-004):%n%-4s %-13s %-6s %s%n", "id", "verdict", "cases",
                "claim");
        for (HypothesisResult h : extended) {
            System.out.printf("%-4s %-13s %-6s %s%n", h.hypothesis().id(), h.ran() ? h.verdict() : "CANNOT_RUN",
                    h.cases().size(), h.hypothesis().claim());
            if (!h.ran()) {
                System.out.println("     cannot run on this host: " + h.cannotRunReason());
            }
        }
    }

    private Path reportDir() {
        if (out != null) {
            return out;
        }
        return ProjectRoot.resolve("target", "oomlab-report");
    }

    /** One column per host, the cases that differ between hosts, and each host's fingerprint. */
    private static void printHosts(HostComparison c) {
        System.out.printf("%nthe hypotheses on %d hosts:%n%s%n", c.hosts().size(), c);
        for (HostComparison.VerdictRow v : c.verdicts()) {
            v.byHost().forEach((host, r) -> {
                if (r != null && !r.ran()) {
                    System.out.printf("  %s cannot run on %s: %s%n", v.hypothesis().id(), host, r.cannotRunReason());
                }
            });
        }
        List<HostComparison.Row> differences = c.differences();
        System.out.println(differences.isEmpty() ? "no case differs between hosts"
                : differences.size() + " case(s) differ between hosts:");
        for (HostComparison.Row r : differences) {
            System.out.printf("  %s %s: %s%n", r.hypothesis(), r.testCase(), r.outcomes());
        }
    }

    private static void print(VerifyRun run) {
        printExtended(run.extended());
        List<HypothesisResult> results = run.hypotheses();
        System.out.println();
        System.out.printf("%-4s %-13s %-13s %-6s %s%n", "id", "verdict", "seed verdict", "cases", "claim");
        for (HypothesisResult h : results) {
            System.out.printf("%-4s %-13s %-13s %-6s %s%n", h.hypothesis().id(), h.verdict(), h.seedVerdict(),
                    h.cases().size(), h.hypothesis().claim());
            for (CaseResult c : h.notAsSeed()) {
                System.out.printf("     NOT AS SEED %s: seed observed %s, here %s (%s)%n", c.testCase().name(),
                        c.testCase().seedObserved(), c.observed(), c.result().headline());
            }
        }
        Summary total = Summary.of(results);
        System.out.printf("%n%d hypotheses, %d cases in %.1f s: %s%n", total.hypotheses(), total.cases(),
                run.hypothesesSeconds(), total.notAsSeed() == 0 ? "every observation as the seed's"
                        : total.notAsSeed() + " observation(s) not as the seed's");
        if (run.hosts() != null) {
            printHosts(run.hosts());
        }
        if (run.bug() != null) {
            System.out.printf("platform bug (%.1f s, %d runs): %s%n", run.bugSeconds(), run.bug().runs(), run.bug());
        }
        if (run.notebooks() != null) {
            System.out.printf("notebooks (%.1f s, %.1f s of it after the platform bug): %s%n", run.notebookSeconds(),
                    run.notebookAddedSeconds(), run.notebooks());
        }
        System.out.printf("%d containers started in %.1f s, each listed once in results.json%n",
                run.containersStarted(), run.wallSeconds());
        System.out.println("report: " + run.files().index().toAbsolutePath());
    }
}
