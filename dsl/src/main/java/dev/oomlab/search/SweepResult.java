package dev.oomlab.search;

import java.util.List;

/**
 * A sweep: one parameter varied over a range, a boundary or an outcome at each point.
 *
 * @param name      what was swept, e.g. "AS-IS (memory 3g, shm 1g)"
 * @param parameter the x axis, e.g. "shm in use (MiB)"
 * @param measure   the y axis, e.g. "max RAM (MiB)", or "outcome"
 * @param points    in x order
 */
public record SweepResult(String name, String parameter, String measure, List<SweepPoint> points)
        {

    public SweepResult {
        points = List.copyOf(points);
    }

    public boolean isCapacity() {
        return !points.isEmpty() && points.get(0).boundary() != null;
    }

    /** Least-squares slope of y against x: -1 means every MiB of x takes one MiB of y. NaN if undefined. */
    public double slope() {
        List<SweepPoint> p = points.stream().filter(q -> !Double.isNaN(q.y())).toList();
        if (p.size() < 2) {
            return Double.NaN;
        }
        double mx = p.stream().mapToDouble(SweepPoint::x).average().orElseThrow();
        double my = p.stream().mapToDouble(SweepPoint::y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (SweepPoint q : p) {
            sxy += (q.x() - mx) * (q.y() - my);
            sxx += (q.x() - mx) * (q.x() - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    /** Total runs over every point. */
    public int runs() {
        return points.stream().mapToInt(q -> q.boundary() != null ? q.boundary().runs() : 1).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(": ").append(measure).append(" against ").append(parameter);
        for (SweepPoint q : points) {
            s.append("\n  ").append(q.x()).append(" -> ")
                    .append(q.boundary() != null ? q.boundary().mib() + " MiB (model " + q.boundary().predictedMib() + ")"
                            : q.outcome() + " (model " + q.result().predicted() + ")");
        }
        if (isCapacity()) {
            s.append(String.format("%n  slope %.3f", slope()));
        }
        return s.toString();
    }
}
