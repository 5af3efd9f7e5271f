package dev.oomlab.cli;

import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepListener;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.suite.Progress;
import dev.oomlab.suite.SuiteListener;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of long work: on a terminal one bar per phase, redrawn in place, with the phase's
 * elapsed time and an ETA from its pace so far; in a pipe or in CI ({@code CI} set, no console,
 * or a dumb terminal) plain lines, one per finished item, so logs stay readable and never look stuck.
 */
final class ProgressBar implements SuiteListener, SweepListener {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean tty;
    private String phase = "";
    private long phaseStart = System.nanoTime();
    private int done;
    private int total;
    private boolean drawn;

    ProgressBar(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    static ProgressBar onStderr() {
        String ci = System.getenv("CI");
        boolean tty = System.console() != null && (ci == null || ci.isBlank() || ci.equals("false"))
                && !"dumb".equals(System.getenv("TERM"));
        return new ProgressBar(System.err, tty);
    }

    synchronized void phase(String name) {
        end();
        phase = name;
        phaseStart = System.nanoTime();
        done = 0;
        total = 0;
    }

    @Override
    public synchronized void finished(Progress p, Object value) {
        String what = value instanceof Result r ? label(p.label()) + " -> " + r.outcome() : label(p.label());
        // a phase may run several batches (the platform bug: searches, then curves): count them all
        if (p.done() == 1) {
            total += p.total();
        }
        done++;
        show(what + (p.running() > 0 ? String.format("  (running %d, memory %.1f/%.1f GiB)", p.running(),
                p.reservedBytes() / 1073741824.0, p.budgetBytes() / 1073741824.0) : ""));
    }

    @Override
    public synchronized void probed(Boundary.Kind kind, long mib, Result result, int run, int maxRuns) {
        show(String.format("%s run %d: %d MiB -> %s%s", kind.label(), run, mib, result.outcome(),
                result.reused() ? " (reused)" : ""));
    }

    @Override
    public synchronized void point(SweepPoint point, int pointsDone, int pointsTotal) {
        show(String.format("sweep point %d/%d", pointsDone, pointsTotal));
    }

    /**
     * The bar as one host's suite hears it, when several hosts run at once: each host's runs count
     * toward the one bar, and each line names the host it ran on.
     */
    SuiteListener onHost(String host) {
        ProgressBar bar = this;
        return new SuiteListener() {
            @Override
            public void finished(Progress p, Object value) {
                bar.finished(new Progress(p.index(), host + ": " + p.label(), p.running(), p.done(), p.total(),
                        p.reservedBytes(), p.budgetBytes()), value);
            }
        };
    }

    /** Something done beside the phase (a notebook beside the platform bug): shown, not counted. */
    synchronized void aside(String what) {
        show(what);
    }

    /** One item of a phase whose size is known up front (the notebooks). */
    synchronized void step(int stepsDone, int stepsTotal, String what) {
        done = stepsDone;
        total = stepsTotal;
        show(what);
    }

    private void show(String what) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - phaseStart);
        if (!tty) {
            out.printf("%s %s %s %s%n", phase, total > 0 ? done + "/" + total : "", clock(elapsed), what);
        } else {
            int filled = total == 0 ? 0 : Math.min(WIDTH, WIDTH * done / total);
            out.printf("\r%s [%s%s] %d/%d  %s  ETA %s  %s\u001b[K", phase, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), done, total, clock(elapsed), eta(elapsed), what);
            drawn = true;
        }
        out.flush();
    }

    /** The rest at the pace so far; unknown until something is done. */
    private String eta(Duration elapsed) {
        if (done == 0 || total <= done) {
            return done == 0 ? "?" : "0:00";
        }
        return clock(elapsed.multipliedBy(total - done).dividedBy(done));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Ends the redrawn line, so what follows starts on its own. */
    synchronized void end() {
        if (tty && drawn) {
            out.println();
        }
        drawn = false;
    }

    private static String label(String text) {
        return text == null ? "" : text.length() > 50 ? text.substring(0, 47) + "..." : text;
    }
}
