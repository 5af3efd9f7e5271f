package dev.oomlab.report;

import dev.oomlab.display.Png;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HostComparison;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Environment;
import dev.oomlab.result.Result;
import dev.oomlab.view.Charts;
import dev.oomlab.view.HypothesisView;
import dev.oomlab.view.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import dev.oomlab.run.StoredResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the report of {@code bin/oomlab verify} into one directory: {@code results.json},
 * {@code results.csv} (one row per case), one PNG per hypothesis (the timeline of its deciding
 * case, see {@link HypothesisView#decidingCase}), the platform bug's chart, and an
 * {@code index.html} that shows all of it and links the executed notebooks.
 * {@code ReportWriter.to(Path.of("target/oomlab-report")).notebooks(paths).write(results, bug)}.
 */
public final class ReportWriter {

    public static final String JSON = "results.json";
    public static final String CSV = "results.csv";
    public static final String INDEX = "index.html";
    public static final String PLATFORM_BUG_PNG = "platform-bug.png";

    private final Path directory;
    private final List<Path> notebooks;
    private final List<HypothesisResult> extended;
    private final List<StoredResult> containers;
    private final HostComparison hosts;

    private ReportWriter(Path directory, List<Path> notebooks, List<HypothesisResult> extended,
                         List<StoredResult> containers, HostComparison hosts) {
        this.directory = directory;
        this.notebooks = List.copyOf(notebooks);
        this.extended = List.copyOf(extended);
        this.containers = List.copyOf(containers);
        this.hosts = hosts;
    }

    public static ReportWriter to(Path directory) {
        return new ReportWriter(Objects.requireNonNull(directory, "directory"), List.of(), List.of(), List.of(), null);
    }

    /**
     * The study on several hosts: results.json gets "hosts" (each fingerprint, each case's outcome
     * per host, the cases that differ) and index.html a section with one column per host.
     */
    public ReportWriter hosts(HostComparison comparison) {
        return new ReportWriter(directory, notebooks, extended, containers, Objects.requireNonNull(comparison, "hosts"));
    }

    /**
     * The extended hypotheses (E1…, from seeds 001-004) run beside the seed study: their own section
     * in index.html and their own array in results.json, each with its verdict or "cannot run on
     * this host" and why.
     */
    public ReportWriter extended(List<HypothesisResult> results) {
        return new ReportWriter(directory, notebooks, Objects.requireNonNull(results, "extended"), containers, hosts);
    }

    /** Every container the job started, once each, for results.json's "containers". */
    public ReportWriter containers(List<StoredResult> runs) {
        return new ReportWriter(directory, notebooks, extended, Objects.requireNonNull(runs, "containers"), hosts);
    }

    /** Executed notebooks to link from the index, by paths relative to the report's directory. */
    public ReportWriter notebooks(List<Path> paths) {
        Objects.requireNonNull(paths, "notebooks");
        paths.forEach(p -> Objects.requireNonNull(p, "notebooks: a null path"));
        return new ReportWriter(directory, paths, extended, containers, hosts);
    }

    /**
     * Writes every file and returns their paths.
     *
     * @param platformBug the measured platform bug, or null when it was not measured
     */
    public ReportFiles write(List<HypothesisResult> hypotheses, PlatformBugResult platformBug) {
        Objects.requireNonNull(hypotheses, "hypotheses");
        try {
            Files.createDirectories(directory);
            Environment env = environment(concat(hypotheses, extended), platformBug);
            List<Path> pngs = new ArrayList<>();
            Map<String, String> charts = new LinkedHashMap<>();
            for (HypothesisResult h : concat(hypotheses, extended)) {
                Optional<CaseResult> deciding = HypothesisView.decidingCase(h);
                if (deciding.isPresent() && !deciding.get().result().samples().isEmpty()) {
                    String file = fileName(h.hypothesis().id()) + ".png";
                    pngs.add(Charts.png(Charts.timeline(deciding.get().result()), directory.resolve(file)));
                    charts.put(h.hypothesis().id(), file);
                }
            }
            String bugChart = null;
            if (platformBug != null) {
                pngs.add(Png.write(Charts.platformBugPng(platformBug), directory.resolve(PLATFORM_BUG_PNG)));
                bugChart = PLATFORM_BUG_PNG;
            }
            Path json = directory.resolve(JSON);
            Summary summary = Summary.of(hypotheses);
            Files.writeString(json, ReportJson.write(env, summary, hypotheses, platformBug, charts, containers,
                    extended, hosts));
            Path csv = Tables.csv(Tables.cases(concat(hypotheses, extended)), directory.resolve(CSV));
            Path index = directory.resolve(INDEX);
            Files.writeString(index, IndexPage.html(env, summary, hypotheses, platformBug, charts, bugChart, links(),
                    extended, hosts));
            return new ReportFiles(directory, index, json, csv, pngs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + directory, e);
        }
    }

    /** Where the results were observed: the first run's environment (one run of verify is one host). */
    static Environment environment(List<HypothesisResult> hypotheses, PlatformBugResult bug) {
        for (HypothesisResult h : hypotheses) {
            for (CaseResult c : h.cases()) {
                return c.result().environment();
            }
        }
        if (bug != null) {
            for (Result r : bug.asIs().results()) {
                return r.environment();
            }
        }
        return Environment.unknown();
    }

    private List<String> links() {
        Path base = directory.toAbsolutePath().normalize();
        List<String> links = new ArrayList<>();
        for (Path nb : notebooks) {
            Path abs = nb.toAbsolutePath().normalize();
            // Relative, so the report and its notebooks can move together.
            links.add(base.relativize(abs).toString().replace('\\', '/'));
        }
        return links;
    }

    private static List<HypothesisResult> concat(List<HypothesisResult> a, List<HypothesisResult> b) {
        List<HypothesisResult> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** "H1" stays "H1"; anything odd in an id becomes '-', so the file name is safe everywhere. */
    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "-");
    }
}
