package dev.oomlab.view;

import dev.oomlab.probe.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * memory.pressure "some" as a rate: between two samples, the share of wall time in which at least
 * one task of the cgroup stalled on memory (reclaim, throttling over memory.high, swap-in), in
 * percent. The kernel only keeps a running total, so the rate is that total's growth over the
 * time between the samples; each point sits at the later sample's x.
 *
 * @param x       where each rate is drawn (the later sample's x)
 * @param percent the stall rate over the interval ending there, 0 to 100
 */
record StallRate(double[] x, double[] percent) {

    /**
     * The shortest interval a rate is taken over: the probe reports a step's end and its own end a
     * fraction of a millisecond after its last progress line, and a rate over so short a time says
     * more about when the clock was read than about stalls. Shorter intervals join the next one.
     */
    static final long MIN_INTERVAL_MICROS = 20_000;

    /** The rates, or empty when the samples carry no PSI (cgroup v1, an old kernel) or fewer than two do. */
    static Optional<StallRate> of(List<Sample> samples, double[] x) {
        double[] px = new double[samples.size()];
        double[] py = new double[samples.size()];
        int n = 0;
        Sample prev = null;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s.psiSomeMicros() < 0) {
                continue;
            }
            if (prev == null || s.psiSomeMicros() < prev.psiSomeMicros() || s.timeMicros() < prev.timeMicros()) {
                prev = s; // the first, or out of order (several processes reporting): start again here
                continue;
            }
            long elapsed = s.timeMicros() - prev.timeMicros();
            if (elapsed < MIN_INTERVAL_MICROS) {
                continue;
            }
            double rate = 100.0 * (s.psiSomeMicros() - prev.psiSomeMicros()) / elapsed;
            // The probe reads its clock just before the counters, so a rate can come out a little
            // above 100 %: no task stalls longer than the wall time.
            px[n] = x[i];
            py[n] = Math.min(100.0, rate);
            n++;
            prev = s;
        }
        return n == 0 ? Optional.empty() : Optional.of(new StallRate(Arrays.copyOf(px, n), Arrays.copyOf(py, n)));
    }
}
