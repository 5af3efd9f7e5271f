package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.oomlab.probe.CgroupWrite;
import dev.oomlab.probe.FsStat;
import dev.oomlab.probe.ProbeLine;
import dev.oomlab.probe.ProbeReport;
import dev.oomlab.probe.ProcessReport;
import dev.oomlab.probe.ProbeEvent;
import dev.oomlab.probe.Sample;
import dev.oomlab.runtime.RunListener;
import dev.oomlab.spec.ScenarioSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final List<CgroupWrite> cgroupWrites = new ArrayList<>();
    private final List<ProcessReport> processes = new ArrayList<>();
    /** Per process: the most bytes each step reported, the steps completed, the last oom_score. */
    private final Map<String, Map<Integer, Long>> processBytes = new HashMap<>();
    private final Map<String, Integer> processSteps = new HashMap<>();
    private final Map<String, Long> processScore = new HashMap<>();
    private boolean hung;
    private Map<String, Long> statBefore = Map.of();
    private Map<String, Long> statAfter = Map.of();
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
        if (sample.isPresent() && sample.get().event() == ProbeEvent.PROC) {
            ProbeLine.processEnd(line).ifPresent(processes::add); // how one process ended: not a timeline point
            return;
        }
        if (sample.isPresent() && sample.get().event() == ProbeEvent.HUNG) {
            hung = true;
        }
        if (sample.isPresent() && sample.get().event() == ProbeEvent.START) {
            statBefore = ProbeLine.reclaimStat(line);
        }
        String proc = sample.isPresent() ? ProbeLine.proc(line) : null;
        if (proc != null) {
            track(proc, sample.get(), line);
        }
        if (sample.isPresent() && sample.get().event() == ProbeEvent.CGSET) {
            ProbeLine.cgroupWrite(line).ifPresent(cgroupWrites::add); // a setting, not a timeline point
        } else if (sample.isPresent() && sample.get().event() == ProbeEvent.STATFS) {
            ProbeLine.statfs(line).ifPresent(filesystems::add); // a figure, not a timeline point
        } else if (sample.isPresent() && sample.get().event() == ProbeEvent.EXIT) {
            exit = sample.get(); // the supervisor's report after its worker ended: not a timeline point
            touchedBytes = ProbeLine.touchedBytes(line);
            statAfter = ProbeLine.reclaimStat(line);
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

    private void track(String proc, Sample s, String line) {
        if (s.step() >= 0 && s.targetBytes() > 0 && !"sleep".equals(s.kind()) && !"spin".equals(s.kind())) {
            processBytes.computeIfAbsent(proc, p -> new HashMap<>()).merge(s.step(), s.doneBytes(), Math::max);
        }
        if (s.event() == ProbeEvent.STEP) {
            processSteps.merge(proc, 1, Integer::sum);
        }
        long score = ProbeLine.oomScore(line);
        if (score >= 0) {
            processScore.put(proc, score);
        }
    }

    /** What the probe said so far, with any unfinished line kept as output. */
    synchronized ProbeReport report() {
        List<ProcessReport> ended = processes.stream().map(p -> p.withProgress(
                processSteps.getOrDefault(p.name(), 0),
                processBytes.getOrDefault(p.name(), Map.of()).values().stream().mapToLong(Long::longValue).sum(),
                processScore.getOrDefault(p.name(), -1L))).toList();
        return new ProbeReport(samples, exit, output(), filesystems, touchedBytes, ended, hung, statBefore, statAfter,
                cgroupWrites);
    }

    /** The supervisor said its worker was stalled under OOM (and stopped it). */
    synchronized boolean sawHung() {
        return hung;
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
