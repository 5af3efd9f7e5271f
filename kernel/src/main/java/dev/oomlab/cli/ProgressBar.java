package dev.oomlab.cli;

import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepListener;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.suite.Progress;
import dev.oomlab.suite.SuiteListener;
import java.io.PrintStream;

/**
 * Progress of a suite or search on the terminal: a bar redrawn in place on a TTY, one line per
 * finished case elsewhere (CI logs), so long runs never look stuck.
 */
final class ProgressBar implements SuiteListener, SweepListener {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean tty;
    private String phase = "";

    ProgressBar(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null);
    }

    synchronized void phase(String name) {
        end();
        phase = name;
    }

    @Override
    public synchronized void finished(Progress p, Object value) {
        String what = value instanceof Result r ? label(p.label()) + " -> " + r.outcome() : label(p.label());
        if (tty) {
            int filled = p.total() == 0 ? WIDTH : WIDTH * p.done() / p.total();
            out.printf("\r%s [%s%s] %d/%d  running %d  memory %.1f/%.1f GiB  %s\u001b[K", phase,
                    "#".repeat(filled), ".".repeat(WIDTH - filled), p.done(), p.total(), p.running(),
                    p.reservedBytes() / 1073741824.0, p.budgetBytes() / 1073741824.0, what);
        } else {
            out.printf("%s %d/%d %s%n", phase, p.done(), p.total(), what);
        }
        out.flush();
    }

    @Override
    public synchronized void probed(Boundary.Kind kind, long mib, Result result, int run, int maxRuns) {
        line(String.format("%s search: %d MiB -> %s (run %d of at most %d)", kind, mib, result.outcome(), run, maxRuns));
    }

    @Override
    public synchronized void point(SweepPoint point, int done, int total) {
        line(String.format("sweep point %d/%d", done, total));
    }

    private void line(String text) {
        if (tty) {
            out.printf("\r%s %s\u001b[K", phase, text);
        } else {
            out.printf("%s %s%n", phase, text);
        }
        out.flush();
    }

    /** Ends the redrawn line, so what follows starts on its own. */
    synchronized void end() {
        if (tty) {
            out.println();
        }
    }

    private static String label(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
