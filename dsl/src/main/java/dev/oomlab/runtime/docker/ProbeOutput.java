package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.oomlab.probe.FsStat;
import dev.oomlab.probe.ProbeLine;
import dev.oomlab.probe.ProbeReport;
import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.ScenarioSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows a container's log as the probe writes it: every JSON line becomes a sample handed to
 * the listener at once; other lines are kept as output.
 */
final class ProbeOutput extends ResultCallback.Adapter<Frame> {

    private final ScenarioSpec scenario;
    private final RunListener listener;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<Sample> samples = new ArrayList<>();
    private Sample exit;
    private long touchedBytes = -1;
    private final List<String> output = new ArrayList<>();
    private final List<FsStat> filesystems = new ArrayList<>();
    private volatile long lastEventNanos = System.nanoTime();

    ProbeOutput(ScenarioSpec scenario, RunListener listener) {
        this.scenario = scenario;
        this.listener = listener;
    }

    @Override
    public void onNext(Frame frame) {
        String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
        StringBuilder buffer = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
        synchronized (this) {
            buffer.append(text);
            int newline;
            while ((newline = buffer.indexOf("\n")) >= 0) {
                line(buffer.substring(0, newline));
                buffer.delete(0, newline + 1);
            }
        }
    }

    private void line(String line) {
        Optional<Sample> sample = ProbeLine.parse(line);
        if (sample.isPresent() && sample.get().event() == ProbeEvent.STATFS) {
            ProbeLine.statfs(line).ifPresent(filesystems::add); // a figure, not a timeline point
        } else if (sample.isPresent() && sample.get().event() == ProbeEvent.EXIT) {
            exit = sample.get(); // the supervisor's report after its worker ended: not a timeline point
            touchedBytes = ProbeLine.touchedBytes(line);
        } else if (sample.isPresent()) {
            samples.add(sample.get());
            lastEventNanos = System.nanoTime();
            if (sample.get().event() == ProbeEvent.FAIL || sample.get().event() == ProbeEvent.USAGE) {
                ProbeLine.error(line).ifPresent(output::add);
            }
            listener.sample(scenario, sample.get());
        } else if (!line.isBlank()) {
            output.add(line);
        }
    }

    /** What the probe said so far, with any unfinished line kept as output. */
    synchronized ProbeReport report() {
        return new ProbeReport(samples, exit, output(), filesystems, touchedBytes);
    }

    private List<String> output() {
        List<String> all = new ArrayList<>(output);
        if (stdout.length() > 0) {
            all.add(stdout.toString());
        }
        if (stderr.length() > 0) {
            all.add(stderr.toString());
        }
        return all;
    }

    long nanosSinceLastEvent() {
        return System.nanoTime() - lastEventNanos;
    }
}
