package dev.oomlab.view;

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
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw tables of results, hypotheses, searches and sweeps, and their CSV export. */
public final class Tables {

    private Tables() {
    }

    /** One row per result: scenario, limits, steps, outcome, prediction, evidence. */
    public static Table results(List<Result> results) {
        Objects.requireNonNull(results, "results");
        StringColumn scenario = StringColumn.create("scenario");
        StringColumn limits = StringColumn.create("limits");
        StringColumn steps = StringColumn.create("steps");
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn predicted = StringColumn.create("predicted");
        IntColumn exit = IntColumn.create("exit code");
        BooleanColumn oomKilled = BooleanColumn.create("OOMKilled");
        DoubleColumn peak = DoubleColumn.create("peak MiB");
        DoubleColumn seconds = DoubleColumn.create("duration s");
        for (Result r : results) {
            scenario.append(r.scenario().name() != null ? r.scenario().name() : r.scenario().stepsText());
            limits.append(r.scenario().limitsText());
            steps.append(r.scenario().stepsText());
            outcome.append(name(r.outcome()));
            predicted.append(name(r.predicted()));
            appendExit(exit, r);
            oomKilled.append(r.oomKilled());
            appendPeak(peak, r);
            seconds.append(Math.round(r.duration().toMillis() / 10.0) / 100.0);
        }
        return Table.create("results", scenario, limits, steps, outcome, predicted, exit, oomKilled, peak, seconds);
    }

    /**
     * A hypothesis as the seed shows it (case, if true, if false, model, observed, exit code,
     * OOMKilled, peak MiB), with the seed's own observation beside ours; the verdict is the name.
     */
    public static Table hypothesis(HypothesisResult h) {
        Objects.requireNonNull(h, "hypothesis result");
        StringColumn name = StringColumn.create("case");
        StringColumn ifTrue = StringColumn.create("if true");
        StringColumn ifFalse = StringColumn.create("if false");
        StringColumn model = StringColumn.create("model");
        StringColumn observed = StringColumn.create("observed");
        IntColumn exit = IntColumn.create("exit code");
        BooleanColumn oomKilled = BooleanColumn.create("OOMKilled");
        DoubleColumn peak = DoubleColumn.create("peak MiB");
        StringColumn seed = StringColumn.create("seed observed");
        BooleanColumn asSeed = BooleanColumn.create("matches seed");
        for (CaseResult c : h.cases()) {
            Result r = c.result();
            name.append(c.testCase().name());
            ifTrue.append(name(c.testCase().ifTrue()));
            ifFalse.append(name(c.testCase().ifFalse()));
            model.append(name(c.predicted()));
            observed.append(name(c.observed()));
            appendExit(exit, r);
            oomKilled.append(r.oomKilled());
            appendPeak(peak, r);
            seed.append(name(c.testCase().seedObserved()));
            asSeed.append(c.matchesSeed());
        }
        return Table.create(caption(h), name, ifTrue, ifFalse, model, observed, exit, oomKilled, peak, seed, asSeed);
    }

    /** "H4 REJECTED: with shm in use the app still gets the whole limit (memory 2g, shm 1g)". */
    public static String caption(HypothesisResult h) {
        return h.hypothesis().id() + " " + h.verdict() + ": " + h.hypothesis().claim() + " ("
                + h.hypothesis().base().limitsText() + ")";
    }

    /** One row per hypothesis: id, claim, verdict (ours and the seed's), cases, cases not as the seed, disagreements. */
    public static Table verdicts(List<HypothesisResult> hypotheses) {
        Objects.requireNonNull(hypotheses, "hypotheses");
        StringColumn id = StringColumn.create("id");
        StringColumn claim = StringColumn.create("claim");
        StringColumn verdict = StringColumn.create("verdict");
        StringColumn seedVerdict = StringColumn.create("seed verdict");
        IntColumn cases = IntColumn.create("cases");
        IntColumn notAsSeed = IntColumn.create("not as seed");
        IntColumn disagreements = IntColumn.create("model disagrees");
        for (HypothesisResult h : hypotheses) {
            id.append(h.hypothesis().id());
            claim.append(h.hypothesis().claim());
            verdict.append(h.verdict().name());
            seedVerdict.append(h.seedVerdict() == null ? "" : h.seedVerdict().name());
            cases.append(h.cases().size());
            notAsSeed.append(h.notAsSeed().size());
            disagreements.append(h.modelDisagreements().size());
        }
        return Table.create("verdicts", id, claim, verdict, seedVerdict, cases, notAsSeed, disagreements);
    }

    /** Every case of every hypothesis, one row each, with its limits and all the evidence. */
    public static Table cases(List<HypothesisResult> hypotheses) {
        Objects.requireNonNull(hypotheses, "hypotheses");
        StringColumn id = StringColumn.create("hypothesis");
        StringColumn verdict = StringColumn.create("verdict");
        StringColumn name = StringColumn.create("case");
        StringColumn limits = StringColumn.create("limits");
        StringColumn steps = StringColumn.create("steps");
        StringColumn ifTrue = StringColumn.create("expected if true");
        StringColumn ifFalse = StringColumn.create("expected if false");
        StringColumn predicted = StringColumn.create("predicted");
        StringColumn observed = StringColumn.create("observed");
        StringColumn seed = StringColumn.create("seed observed");
        BooleanColumn asSeed = BooleanColumn.create("matches seed");
        IntColumn exit = IntColumn.create("exit code");
        BooleanColumn oomKilled = BooleanColumn.create("OOMKilled");
        DoubleColumn peak = DoubleColumn.create("peak MiB");
        IntColumn failcnt = IntColumn.create("failcnt");
        DoubleColumn seconds = DoubleColumn.create("duration s");
        StringColumn stopped = StringColumn.create("stopped at");
        StringColumn detail = StringColumn.create("detail");
        for (HypothesisResult h : hypotheses) {
            for (CaseResult c : h.cases()) {
                Result r = c.result();
                id.append(h.hypothesis().id());
                verdict.append(h.verdict().name());
                name.append(c.testCase().name());
                limits.append(r.scenario().limitsText());
                steps.append(r.scenario().stepsText());
                ifTrue.append(name(c.testCase().ifTrue()));
                ifFalse.append(name(c.testCase().ifFalse()));
                predicted.append(name(c.predicted()));
                observed.append(name(c.observed()));
                seed.append(name(c.testCase().seedObserved()));
                asSeed.append(c.matchesSeed());
                appendExit(exit, r);
                oomKilled.append(r.oomKilled());
                appendPeak(peak, r);
                if (r.failcnt() < 0) {
                    failcnt.appendMissing();
                } else {
                    failcnt.append((int) Math.min(Integer.MAX_VALUE, r.failcnt()));
                }
                seconds.append(Math.round(r.duration().toMillis() / 10.0) / 100.0);
                stopped.append(r.stoppedAt().map(p -> (p.index() + 1) + ". " + p.describe()).orElse(""));
                detail.append(r.detail() == null ? "" : r.detail());
            }
        }
        return Table.create("cases", id, verdict, name, limits, steps, ifTrue, ifFalse, predicted, observed, seed,
                asSeed, exit, oomKilled, peak, failcnt, seconds, stopped, detail);
    }

    /**
     * A sweep, one row per point: for a capacity sweep the measured boundary beside the model's,
     * for an outcome sweep the outcome beside the model's and the evidence.
     */
    public static Table sweep(SweepResult sweep) {
        Objects.requireNonNull(sweep, "sweep");
        LongColumn x = LongColumn.create(sweep.parameter());
        if (sweep.isCapacity()) {
            IntColumn measured = IntColumn.create(sweep.measure() + " measured");
            IntColumn model = IntColumn.create("model");
            IntColumn error = IntColumn.create("measured - model");
            BooleanColumn bracketed = BooleanColumn.create("bracketed to 1 MiB");
            IntColumn runs = IntColumn.create("runs");
            StringColumn note = StringColumn.create("note");
            for (SweepPoint p : sweep.points()) {
                Boundary b = p.boundary();
                x.append(p.x());
                measured.append(toInt(b.mib()));
                model.append(toInt(b.predictedMib()));
                error.append(toInt(b.modelError()));
                bracketed.append(b.bracketed());
                runs.append(b.runs());
                note.append(b.note());
            }
            return Table.create(sweep.name(), x, measured, model, error, bracketed, runs, note);
        }
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn predicted = StringColumn.create("predicted");
        IntColumn exit = IntColumn.create("exit code");
        BooleanColumn oomKilled = BooleanColumn.create("OOMKilled");
        DoubleColumn peak = DoubleColumn.create("peak MiB");
        for (SweepPoint p : sweep.points()) {
            Result r = p.result();
            x.append(p.x());
            outcome.append(name(r.outcome()));
            predicted.append(name(r.predicted()));
            appendExit(exit, r);
            oomKilled.append(r.oomKilled());
            appendPeak(peak, r);
        }
        return Table.create(sweep.name(), x, outcome, predicted, exit, oomKilled, peak);
    }

    /** A boundary search, one row per run in the order it ran: the size tried and what happened. */
    public static Table boundary(Boundary boundary) {
        Objects.requireNonNull(boundary, "boundary");
        IntColumn run = IntColumn.create("run");
        IntColumn tried = IntColumn.create(boundary.kind().label() + " tried (MiB)");
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn predicted = StringColumn.create("model");
        IntColumn exit = IntColumn.create("exit code");
        BooleanColumn oomKilled = BooleanColumn.create("OOMKilled");
        DoubleColumn peak = DoubleColumn.create("peak MiB");
        int i = 0;
        for (Result r : boundary.results()) {
            run.append(++i);
            tried.append(toInt(triedMib(r)));
            outcome.append(name(r.outcome()));
            predicted.append(name(r.predicted()));
            appendExit(exit, r);
            oomKilled.append(r.oomKilled());
            appendPeak(peak, r);
        }
        return Table.create(boundary.toString(), run, tried, outcome, predicted, exit, oomKilled, peak);
    }

    /** The platform bug: AS-IS and TO-BE side by side, measured beside the model. */
    public static Table platformBug(PlatformBugResult r) {
        Objects.requireNonNull(r, "platform bug result");
        StringColumn setting = StringColumn.create("setting");
        StringColumn limits = StringColumn.create("limits");
        IntColumn shmUsed = IntColumn.create("shm in use MiB");
        IntColumn maxRam = IntColumn.create("max app RAM MiB (measured)");
        IntColumn model = IntColumn.create("model MiB");
        IntColumn fails = IntColumn.create("first failing MiB");
        IntColumn runs = IntColumn.create("runs");
        for (String name : List.of("AS-IS", "TO-BE")) {
            Boundary b = name.equals("AS-IS") ? r.asIs() : r.toBe();
            setting.append(name);
            limits.append(b.base().limitsText());
            shmUsed.append(r.bug().shmUsedMib());
            maxRam.append(toInt(b.mib()));
            model.append(toInt(b.predictedMib()));
            if (b.failMib() < 0) {
                fails.appendMissing();
            } else {
                fails.append(toInt(b.failMib()));
            }
            runs.append(b.runs());
        }
        return Table.create(r.bug().toString(), setting, limits, shmUsed, maxRam, model, fails, runs);
    }

    /** The size a search run tried: its last step, the one the search appended. */
    static long triedMib(Result r) {
        List<Step> steps = r.scenario().steps();
        return steps.isEmpty() ? 0 : Mib.whole(steps.get(steps.size() - 1).targetBytes());
    }

    private static int toInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
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

    private static void appendExit(IntColumn exit, Result r) {
        if (r.exitCode() == null) {
            exit.appendMissing();
        } else {
            exit.append(r.exitCode());
        }
    }

    private static void appendPeak(DoubleColumn peak, Result r) {
        Double mib = Mib.tenths(r.peakBytes());
        if (mib == null) {
            peak.appendMissing();
        } else {
            peak.append(mib);
        }
    }
}
