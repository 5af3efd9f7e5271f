package dev.oomlab.cli;

import dev.oomlab.Oomlab;
import dev.oomlab.hypothesis.Catalogue;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.Hypothesis;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.report.ReportFiles;
import dev.oomlab.report.ReportWriter;
import dev.oomlab.report.Summary;
import dev.oomlab.suite.Suite;
import dev.oomlab.notebook.NotebookListener;
import dev.oomlab.notebook.NotebookRunner;
import dev.oomlab.notebook.NotebookRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
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
    int curveStep;

    @Option(names = "--no-platform-bug", description = "skip the platform bug's boundary searches")
    boolean noPlatformBug;

    @Option(names = "--no-notebooks", description = "do not execute the notebooks into the report")
    boolean noNotebooks;

    @Option(names = "--no-extended", description = "skip the extended hypotheses (E1…, seeds 001-004)")
    boolean noExtended;

    @Override
    public Integer call() {
        List<Hypothesis> chosen = choose();
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism: must be at least 1, got " + parallelism);
        }
        if (curveStep < 16) {
            throw new IllegalArgumentException("curve-step: must be at least 16 MiB, got " + curveStep);
        }
        ProgressBar progress = ProgressBar.onStderr();
        Suite suite = Suite.on(Oomlab.runtime()).parallelism(parallelism).listener(progress);

        long t0 = System.nanoTime();
        progress.phase("hypotheses");
        List<Hypothesis> extended = chooseExtended();
        List<HypothesisResult> all = Hypothesis.runAll(concat(chosen, extended), suite); // one parallel batch
        List<HypothesisResult> results = all.subList(0, chosen.size());
        List<HypothesisResult> extendedResults = all.subList(chosen.size(), all.size());
        progress.end();
        double hypothesesSeconds = (System.nanoTime() - t0) / 1e9;

        PlatformBugResult bug = null;
        double bugSeconds = 0;
        if (ids.isEmpty() && !noPlatformBug) {
            long t1 = System.nanoTime();
            progress.phase("platform bug");
            bug = Catalogue.platformBug().measureWithCurves(curveStep, suite, progress);
            progress.end();
            bugSeconds = (System.nanoTime() - t1) / 1e9;
        }

        Path dir = reportDir();
        NotebookRuns notebooks = ids.isEmpty() && !noNotebooks ? executeNotebooks(dir) : null;
        List<Path> notebookPages = notebooks == null ? List.of()
                : notebooks.runs().stream().map(r -> r.html() != null ? r.html() : r.executed())
                .filter(java.util.Objects::nonNull).toList();
        ReportFiles files = ReportWriter.to(dir).notebooks(notebookPages).extended(extendedResults)
                .write(results, bug);
        print(results, bug, hypothesesSeconds, bugSeconds, files);
        printExtended(extendedResults);
        if (notebooks != null) {
            System.out.println("notebooks: " + notebooks);
        }
        return Summary.of(results).reproducesSeed() && (notebooks == null || notebooks.allPassed()) ? 0 : 1;
    }

    /** Executes every notebook headless, on a kernelspec installed into a temporary prefix. */
    private static NotebookRuns executeNotebooks(Path reportDir) {
        Path notebooks = ProjectRoot.resolve("notebooks");
        Path prefix = null;
        try {
            prefix = Files.createTempDirectory("oomlab-kernelspec");
            NotebookRunner.installKernel(prefix, System.err);
            return NotebookRunner.on(prefix).listener(new NotebookListener() {
                @Override
                public void started(Path notebook, int index, int total) {
                    System.err.printf("notebooks %d/%d %s%n", index + 1, total, notebook.getFileName());
                }
            }).runAll(notebooks, reportDir.resolve("notebooks"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a kernelspec for the notebooks", e);
        } finally {
            deleteTree(prefix);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir != null) {
            // a temp dir we could not fully remove is reported by nothing else; keep going
            FileUtils.deleteQuietly(dir.toFile());
        }
    }

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

    private static void print(List<HypothesisResult> results, PlatformBugResult bug, double hSeconds,
                              double bugSeconds, ReportFiles files) {
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
        System.out.printf("%n%d hypotheses, %d cases in %.1f s: %s%n", total.hypotheses(), total.cases(), hSeconds,
                total.notAsSeed() == 0 ? "every observation as the seed's"
                        : total.notAsSeed() + " observation(s) not as the seed's");
        if (bug != null) {
            System.out.printf("platform bug (%.1f s): %s%n", bugSeconds, bug);
        }
        System.out.println("report: " + files.index().toAbsolutePath());
    }
}
