package dev.oomlab.cli;

import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepListener;
import dev.oomlab.search.SweepPoint;
import dev.oomlab.suite.Progress;
import dev.oomlab.suite.SuiteListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of long work: on a terminal one bar per phase, redrawn in place, with the phase's
 * elapsed time and an ETA from its pace so far; in a pipe or in CI ({@code CI} set, no console,
 * or a dumb terminal) plain lines, one per finished item, so logs stay readable and never look stuck.
 * Some items take minutes (a VM under global pressure): while one runs, the bar is redrawn every
 * second with what runs and for how long, and a pipe gets a "still running" line after a minute
 * without one.
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
    private final Duration quiet;
    private final boolean ticking;
    /** What runs now, with when it started: the oldest is named while nothing ends. */
    private final Map<Running, Long> running = new LinkedHashMap<>();
    private long lastPrinted = System.nanoTime();
    private ScheduledExecutorService ticker;

    ProgressBar(PrintStream out, boolean tty) {
        this(out, tty, Duration.ofMinutes(1), true);
    }

    /**
     * @param quiet   how long a pipe may go without a line while something runs
     * @param ticking whether a thread calls {@link #tick()} every second (tests call it themselves)
     */
    ProgressBar(PrintStream out, boolean tty, Duration quiet, boolean ticking) {
        this.out = out;
        this.tty = tty;
        this.quiet = quiet;
        this.ticking = ticking;
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
        running.clear(); // a task that failed never said it finished
    }

    @Override
    public synchronized void started(Progress p) {
        running.put(Running.of(p), System.nanoTime());
        if (ticking && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "oomlab-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** While something runs: the terminal's bar shows it and its time; a pipe hears of it after a quiet spell. */
    synchronized void tick() {
        Map.Entry<Running, Long> oldest = running.entrySet().stream().findFirst().orElse(null);
        if (oldest == null) {
            return;
        }
        String name = oldest.getKey().label();
        String runningFor = clock(Duration.ofNanos(System.nanoTime() - oldest.getValue()));
        String more = running.size() > 1 ? " and " + (running.size() - 1) + " more" : "";
        if (tty) {
            if (drawn) {
                draw("running " + runningFor + ": " + label(name) + more);
            }
        } else if (System.nanoTime() - lastPrinted >= quiet.toNanos()) {
            show("still running: " + label(name) + " (for " + runningFor + ")" + more);
        }
    }

    /** A task of a batch: its label, and its index (two batches may run tasks of the same label). */
    private record Running(String label, int index) {
        static Running of(Progress p) {
            return new Running(p.label(), p.index());
        }
    }

    @Override
    public synchronized void finished(Progress p, Object value) {
        running.remove(Running.of(p));
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
            public void started(Progress p) {
                bar.started(named(p));
            }

            @Override
            public void finished(Progress p, Object value) {
                bar.finished(named(p), value);
            }

            private Progress named(Progress p) {
                return new Progress(p.index(), host + ": " + p.label(), p.running(), p.done(), p.total(),
                        p.reservedBytes(), p.budgetBytes());
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
        lastPrinted = System.nanoTime();
        draw(what);
    }

    private void draw(String what) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - phaseStart);
        if (!tty) {
            out.printf("%s %s %s %s%n", phase, total > 0 ? done + "/" + total : "", clock(elapsed), what);
        } else {
            int filled = total == 0 ? 0 : Math.min(WIDTH, WIDTH * done / total);
            String line = String.format("%s [%s%s] %d/%d  %s  ETA %s  %s", phase, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), done, total, clock(elapsed), eta(elapsed), what);
            // a line wider than the terminal wraps, and \r then redraws only its last part
            int columns = TerminalWidth.COLUMNS;
            out.print("\r" + (line.length() >= columns ? line.substring(0, columns - 1) : line) + "\u001b[K");
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
        running.clear();
    }

    /** The terminal's width, asked once (stty on the controlling terminal); 120 when it cannot tell. */
    private static final class TerminalWidth {
        static final int COLUMNS = ask();

        private static int ask() {
            try {
                String columns = System.getenv("COLUMNS");
                if (columns != null && columns.matches("\\d+")) {
                    return Math.max(40, Integer.parseInt(columns));
                }
                Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String[] size = new String(stty.getInputStream().readAllBytes()).trim().split("\\s+");
                if (stty.waitFor() == 0 && size.length == 2) {
                    return Math.max(40, Integer.parseInt(size[1]));
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // no terminal to ask
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 120;
        }
    }

    private static String label(String text) {
        return text == null ? "" : text.length() > 50 ? text.substring(0, 47) + "..." : text;
    }
}
