package dev.oomlab.view;

import static j2html.TagCreator.div;
import static j2html.TagCreator.progress;
import static j2html.TagCreator.span;
import static j2html.TagCreator.text;

import dev.oomlab.display.Display;
import dev.oomlab.display.MimeBundle;
import dev.oomlab.result.Result;
import dev.oomlab.suite.Progress;
import dev.oomlab.suite.SuiteListener;

/**
 * A suite's progress as one display that updates in place (a bar, the counts, the last case and
 * its outcome), for front ends that can update a display: the Jupyter kernel installs it as the
 * suites' default listener.
 */
public final class ProgressDisplay implements SuiteListener {

    private static final long MIN_INTERVAL_NANOS = 150_000_000L;
    private final long started = System.nanoTime();
    private String displayId;
    private long lastUpdate;

    @Override
    public synchronized void started(Progress p) {
        show(p, "started " + p.label(), false);
    }

    @Override
    public synchronized void finished(Progress p, Object value) {
        String what = value instanceof Result r ? p.label() + " \u2192 " + r.outcome() : p.label();
        show(p, what, p.done() == p.total());
    }

    private void show(Progress p, String last, boolean isFinal) {
        long now = System.nanoTime();
        if (displayId != null && !isFinal && now - lastUpdate < MIN_INTERVAL_NANOS) {
            return; // front ends need not redraw faster than the eye reads
        }
        lastUpdate = now;
        MimeBundle bundle = bundle(p, last, (now - started) / 1e9);
        if (displayId == null) {
            displayId = Display.sink().display(bundle);
        } else {
            Display.sink().update(displayId, bundle);
        }
    }

    static MimeBundle bundle(Progress p, String last, double seconds) {
        String counts = String.format(java.util.Locale.ROOT, "%d/%d done, %d running, %.1f s", p.done(), p.total(),
                p.running(), seconds);
        String html = div(progress().withValue(String.valueOf(p.done())).withMax(String.valueOf(p.total()))
                        .withStyle("width:260px;vertical-align:middle"),
                text(" "), span(counts), Html.separator(), text(" "), span(last).withStyle(Html.MUTED))
                .withStyle(Html.FONT).render();
        return MimeBundle.text(counts + " | " + last).with(MimeBundle.HTML, html);
    }
}
