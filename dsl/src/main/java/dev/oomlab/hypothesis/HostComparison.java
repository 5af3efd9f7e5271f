package dev.oomlab.hypothesis;

import dev.oomlab.host.Host;
import dev.oomlab.result.Outcome;
import dev.oomlab.result.Result;
import dev.oomlab.suite.Suite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same hypotheses on several hosts side by side: one row per case with each host's outcome,
 * and the rows whose outcome differs between hosts. {@code Catalogue.byId("H4").runOn(here, v2)}.
 */
public record HostComparison(List<HostRun> hosts) {

    public HostComparison {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: a comparison needs at least one host");
        }
    }

    /**
     * One case on every host.
     *
     * @param outcomes host name to what that host observed (null where the hypothesis could not run there)
     * @param results  host name to the run, or null
     */
    public record Row(String hypothesis, String testCase, Map<String, Outcome> outcomes, Map<String, Result> results) {

        /** True when two hosts that both ran the case saw different outcomes. */
        public boolean differs() {
            return outcomes.values().stream().filter(Objects::nonNull).distinct().count() > 1;
        }
    }

    /**
     * Runs the hypotheses on every host at once, each host's cases in its own suite under that
     * host's memory budget ({@link Suite#on(Host)}).
     */
    public static HostComparison run(List<Hypothesis> hypotheses, List<? extends Host> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("hosts: name at least one host to run on");
        }
        List<Suite> suites = hosts.stream().map(Suite::on).toList();
        return run(hypotheses, hosts, suites);
    }

    /** The same with each host's suite given (parallelism, listener), in the hosts' order. */
    public static HostComparison run(List<Hypothesis> hypotheses, List<? extends Host> hosts, List<Suite> suites) {
        if (hosts.size() != suites.size()) {
            throw new IllegalArgumentException("suites: one per host, got " + suites.size() + " for " + hosts.size());
        }
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size(), r -> {
            Thread t = new Thread(r, "oomlab-host");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<HostRun>> runs = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                Host host = hosts.get(i);
                Suite suite = suites.get(i);
                runs.add(CompletableFuture.supplyAsync(
                        () -> new HostRun(host.name(), host.fingerprint(), Hypothesis.runAll(hypotheses, suite)), pool));
            }
            List<HostRun> done = new ArrayList<>();
            for (CompletableFuture<HostRun> r : runs) {
                done.add(join(r));
            }
            return new HostComparison(done);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HostRun join(CompletableFuture<HostRun> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public List<String> hostNames() {
        return hosts.stream().map(HostRun::host).toList();
    }

    /** Every case of every hypothesis, in the first host's order, with each host's outcome. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (HypothesisResult first : hosts.get(0).hypotheses()) {
            Hypothesis h = first.hypothesis();
            for (int c = 0; c < h.cases().size(); c++) {
                Map<String, Outcome> outcomes = new LinkedHashMap<>();
                Map<String, Result> results = new LinkedHashMap<>();
                for (HostRun run : hosts) {
                    HypothesisResult there = run.hypothesis(h.id());
                    Result r = there == null || !there.ran() ? null : there.cases().get(c).result();
                    outcomes.put(run.host(), r == null ? null : r.outcome());
                    results.put(run.host(), r);
                }
                rows.add(new Row(h.id(), h.cases().get(c).name(), outcomes, results));
            }
        }
        return rows;
    }

    /**
     * One hypothesis on every host: its verdict there, or why it cannot run there.
     *
     * @param byHost host name to the hypothesis' result on that host (null where it was not asked)
     */
    public record VerdictRow(Hypothesis hypothesis, Map<String, HypothesisResult> byHost) {

        /** "SUPPORTED", "CANNOT RUN" or "-" (not asked on that host). */
        public String verdictOn(String host) {
            HypothesisResult r = byHost.get(host);
            return r == null ? "-" : r.ran() ? String.valueOf(r.verdict()) : "CANNOT RUN";
        }
    }

    /** Every hypothesis, in the first host's order, with each host's verdict. */
    public List<VerdictRow> verdicts() {
        List<VerdictRow> rows = new ArrayList<>();
        for (HypothesisResult first : hosts.get(0).hypotheses()) {
            Map<String, HypothesisResult> byHost = new LinkedHashMap<>();
            hosts.forEach(run -> byHost.put(run.host(), run.hypothesis(first.hypothesis().id())));
            rows.add(new VerdictRow(first.hypothesis(), byHost));
        }
        return rows;
    }

    /** The cases whose outcome differs between hosts. */
    public List<Row> differences() {
        return rows().stream().filter(Row::differs).toList();
    }

    @Override
    public String toString() {
        List<String> names = hostNames();
        StringBuilder s = new StringBuilder(String.format("%-4s %-30s", "id", "case"));
        names.forEach(n -> s.append(String.format(" %-9s", n)));
        s.append('\n');
        for (Row r : rows()) {
            s.append(String.format("%-4s %-30s", r.hypothesis(), r.testCase()));
            names.forEach(n -> s.append(String.format(" %-9s", r.outcomes().get(n) == null ? "-" : r.outcomes().get(n))));
            s.append(r.differs() ? "  DIFFERS" : "").append('\n');
        }
        s.append('\n').append(String.format("%-4s", "id"));
        names.forEach(n -> s.append(String.format(" %-13s", n)));
        s.append('\n');
        for (VerdictRow v : verdicts()) {
            s.append(String.format("%-4s", v.hypothesis().id()));
            names.forEach(n -> s.append(String.format(" %-13s", v.verdictOn(n))));
            s.append('\n');
        }
        hosts.forEach(h -> s.append(h.fingerprint()).append('\n'));
        return s.toString().stripTrailing();
    }
}
