package dev.oomlab.view;

import dev.oomlab.spec.Mib;
import dev.oomlab.hypothesis.CaseResult;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.search.SweepResult;
import dev.oomlab.spec.Step;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/** Tablesaw tables of results, hypotheses, searches and sweeps, and their CSV export. */
public final class Tables {

    private Tables() {
    }

    /** What a run showed: exit code, Docker's flag and the cgroup's peak; shared by every table of runs. */
    private static final Columns<Result> EVIDENCE = Columns.<Result>of()
            .integer("exit code", Result::exitCode)
            .flag("OOMKilled", Result::oomKilled)
            .decimal("peak MiB", r -> Mib.tenths(r.peakBytes()));

    private static final Columns<Result> RESULTS = Columns.<Result>of()
            .text("scenario", r -> r.scenario().name() != null ? r.scenario().name() : r.scenario().stepsText())
            .text("limits", r -> r.scenario().limitsText())
            .text("steps", r -> r.scenario().stepsText())
            .text("outcome", r -> name(r.outcome()))
            .text("predicted", r -> name(r.predicted()))
            .then(r -> r, EVIDENCE)
            .decimal("duration s", Tables::seconds);

    private static final Columns<CaseResult> HYPOTHESIS = Columns.<CaseResult>of()
            .text("case", c -> c.testCase().name())
            .text("if true", c -> c.testCase().ifTrue() == null ? "" : c.testCase().ifTrueText())
            .text("if false", c -> c.testCase().ifFalse() == null ? "" : c.testCase().ifFalseText())
            .text("model", c -> name(c.predicted()))
            .text("observed", c -> c.observed() == null ? "" : c.observedText())
            .then(CaseResult::result, EVIDENCE)
            .text("seed observed", c -> name(c.testCase().seedObserved()))
            .flag("matches seed", CaseResult::matchesSeed);

    private static final Columns<HypothesisResult> VERDICTS = Columns.<HypothesisResult>of()
            .text("id", h -> h.hypothesis().id())
            .text("claim", h -> h.hypothesis().claim())
            .text("verdict", h -> h.verdict().name())
            .text("seed verdict", h -> h.seedVerdict() == null ? "" : h.seedVerdict().name())
            .integer("cases", h -> h.cases().size())
            .integer("not as seed", h -> h.notAsSeed().size())
            .integer("model disagrees", h -> h.modelDisagreements().size());

    /** A case with the hypothesis it belongs to, for the table of every case. */
    private record CaseRow(HypothesisResult h, CaseResult c) {
    }

    private static final Columns<CaseRow> CASES = Columns.<CaseRow>of()
            .text("hypothesis", row -> row.h().hypothesis().id())
            .text("verdict", row -> row.h().verdict().name())
            .text("case", row -> row.c().testCase().name())
            .text("limits", row -> row.c().result().scenario().limitsText())
            .text("steps", row -> row.c().result().scenario().stepsText())
            .text("expected if true", row -> row.c().testCase().ifTrue() == null ? "" : row.c().testCase().ifTrueText())
            .text("expected if false", row -> row.c().testCase().ifFalse() == null ? ""
                    : row.c().testCase().ifFalseText())
            .text("predicted", row -> name(row.c().predicted()))
            .text("observed", row -> row.c().observed() == null ? "" : row.c().observedText())
            .text("seed observed", row -> name(row.c().testCase().seedObserved()))
            .flag("matches seed", row -> row.c().matchesSeed())
            .then(row -> row.c().result(), EVIDENCE)
            .integer("failcnt", row -> row.c().result().failcnt() < 0 ? null : row.c().result().failcnt())
            .decimal("duration s", row -> seconds(row.c().result()))
            .text("stopped at", row -> row.c().result().stoppedAt().map(p -> (p.index() + 1) + ". " + p.describe())
                    .orElse(""))
            .text("detail", row -> row.c().result().detail());

    /** One row per result: scenario, limits, steps, outcome, prediction, evidence. */
    public static Table results(List<Result> results) {
        return RESULTS.table("results", Objects.requireNonNull(results, "results"));
    }

    /**
     * A hypothesis as the seed shows it (case, if true, if false, model, observed, exit code,
     * OOMKilled, peak MiB), with the seed's own observation beside ours; the verdict is the name.
     */
    public static Table hypothesis(HypothesisResult h) {
        Objects.requireNonNull(h, "hypothesis result");
        return HYPOTHESIS.table(caption(h), h.cases());
    }

    /** "H4 REJECTED: with shm in use the app still gets the whole limit (memory 2g, shm 1g)". */
    public static String caption(HypothesisResult h) {
        return h.hypothesis().id() + " " + h.verdict() + ": " + h.hypothesis().claim() + " ("
                + h.hypothesis().base().limitsText() + ")";
    }

    /** One row per hypothesis: id, claim, verdict (ours and the seed's), cases, cases not as the seed, disagreements. */
    public static Table verdicts(List<HypothesisResult> hypotheses) {
        return VERDICTS.table("verdicts", Objects.requireNonNull(hypotheses, "hypotheses"));
    }

    /** Every case of every hypothesis, one row each, with its limits and all the evidence. */
    public static Table cases(List<HypothesisResult> hypotheses) {
        Objects.requireNonNull(hypotheses, "hypotheses");
        return CASES.table("cases", hypotheses.stream()
                .flatMap(h -> h.cases().stream().map(c -> new CaseRow(h, c))).toList());
    }

    /**
     * A sweep, one row per point: for a capacity sweep the measured boundary beside the model's,
     * for an outcome sweep the outcome beside the model's and the evidence.
     */
    public static Table sweep(SweepResult sweep) {
        Objects.requireNonNull(sweep, "sweep");
        Columns<SweepPoint> x = Columns.<SweepPoint>of().integer(sweep.parameter(), SweepPoint::x);
        if (sweep.isCapacity()) {
            return x.integer(sweep.measure() + " measured", p -> p.boundary().mib())
                    .integer("model", p -> p.boundary().predictedMib())
                    .integer("measured - model", p -> p.boundary().modelError())
                    .flag("bracketed to 1 MiB", p -> p.boundary().bracketed())
                    .integer("runs", p -> p.boundary().runs())
                    .text("note", p -> p.boundary().note())
                    .table(sweep.name(), sweep.points());
        }
        return x.text("outcome", p -> name(p.result().outcome()))
                .text("predicted", p -> name(p.result().predicted()))
                .then(SweepPoint::result, EVIDENCE)
                .table(sweep.name(), sweep.points());
    }

    /** A boundary search, one row per run in the order it ran: the size tried and what happened. */
    public static Table boundary(Boundary boundary) {
        Objects.requireNonNull(boundary, "boundary");
        List<Result> runs = boundary.results();
        return Columns.<Integer>of()
                .integer("run", i -> i + 1)
                .integer(boundary.kind().label() + " tried (MiB)", i -> triedMib(runs.get(i)))
                .text("outcome", i -> name(runs.get(i).outcome()))
                .text("model", i -> name(runs.get(i).predicted()))
                .then(runs::get, EVIDENCE)
                .table(boundary.toString(), java.util.stream.IntStream.range(0, runs.size()).boxed().toList());
    }

    /** The platform bug: AS-IS and TO-BE side by side, measured beside the model. */
    public static Table platformBug(PlatformBugResult r) {
        Objects.requireNonNull(r, "platform bug result");
        return Columns.<Boundary>of()
                .text("setting", b -> b == r.asIs() ? "AS-IS" : "TO-BE")
                .text("limits", b -> b.base().limitsText())
                .integer("shm in use MiB", b -> r.bug().shmUsedMib())
                .integer("max app RAM MiB (measured)", Boundary::mib)
                .integer("model MiB", Boundary::predictedMib)
                .integer("first failing MiB", b -> b.failMib() < 0 ? null : b.failMib())
                .integer("runs", Boundary::runs)
                .table(r.bug().toString(), List.of(r.asIs(), r.toBe()));
    }

    private static double seconds(Result r) {
        return Math.round(r.duration().toMillis() / 10.0) / 100.0;
    }

    /** The size a search run tried: its last step, the one the search appended. */
    static long triedMib(Result r) {
        List<Step> steps = r.scenario().steps();
        return steps.isEmpty() ? 0 : Mib.whole(steps.get(steps.size() - 1).targetBytes());
    }

    /** The table as CSV text, header first, via Tablesaw's writer. */
    public static String csv(Table table) {
        Objects.requireNonNull(table, "table");
        StringWriter out = new StringWriter();
        table.write().csv(out);
        return out.toString();
    }

    /** Writes the table as CSV, creating parent directories; returns the path. */
    public static Path csv(Table table, Path path) {
        Objects.requireNonNull(path, "path");
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, csv(table));
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write CSV to " + path, e);
        }
    }

    private static String name(Outcome outcome) {
        return outcome == null ? "" : outcome.name();
    }
}
