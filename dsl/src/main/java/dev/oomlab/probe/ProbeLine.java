package dev.oomlab.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads one line of the probe's output. Probe events become {@link Sample}s; anything else
 * (a crash message, a runtime's own words) is not an event and is kept as output.
 */
public final class ProbeLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeLine() {
    }

    public static Optional<Sample> parse(String line) {
        if (line == null || !line.startsWith("{\"ev\"")) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!n.isObject() || !n.hasNonNull("ev")) {
            return Optional.empty();
        }
        return Optional.of(new Sample(
                ProbeEvent.named(n.get("ev").asText()),
                n.path("step").asInt(-1),
                n.path("kind").asText(""),
                n.path("done").asLong(0),
                n.path("target").asLong(0),
                n.path("t_us").asLong(0),
                counter(n, "usage"),
                counter(n, "limit"),
                counter(n, "max_usage"),
                counter(n, "failcnt"),
                counter(n, "shmem"),
                counter(n, "anon"),
                counter(n, "file"),
                counter(n, "oom_kill"),
                counter(n, "under_oom"),
                counter(n, "psi_some_total"),
                counter(n, "psi_full_total"),
                new Sample.V2(counter(n, "high_limit"), counter(n, "swap"), counter(n, "ev_high"), counter(n, "ev_max"),
                        counter(n, "ev_oom"), counter(n, "ev_oom_kill"))));
    }

    /** A statfs line's figures, or empty when the line is not one. */
    public static Optional<FsStat> statfs(String line) {
        if (line == null || !line.startsWith("{\"ev\":\"statfs\"")) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(line);
            return Optional.of(new FsStat(n.path("step").asInt(-1), n.path("path").asText(""),
                    n.path("size").asLong(-1), n.path("avail").asLong(-1)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A cgset line's file, value and read-back, or empty when the line is not one. */
    public static Optional<CgroupWrite> cgroupWrite(String line) {
        if (line == null || !line.startsWith("{\"ev\":\"cgset\"")) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(line);
            return Optional.of(new CgroupWrite(n.path("file").asText(""), n.path("value").asText(""),
                    n.path("read").asText(""), n.path("path").asText("")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The bytes an until-killed step touched (whole pages), from the supervisor's exit line; -1 without one. */
    public static long touchedBytes(String line) {
        try {
            return JSON.readTree(line).path("touched_bytes").asLong(-1);
        } catch (JsonProcessingException e) {
            return -1;
        }
    }

    /** The process a line of a scenario with several processes belongs to, or null. */
    public static String proc(String line) {
        if (line == null || !line.contains("\"proc\":")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            return n.hasNonNull("proc") ? n.get("proc").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The cgroup's reclaim counters on a start or exit line ("stat_pgpgout" as "pgpgout"); empty when none. */
    public static java.util.Map<String, Long> reclaimStat(String line) {
        java.util.Map<String, Long> stat = new java.util.LinkedHashMap<>();
        try {
            JsonNode n = JSON.readTree(line);
            n.fieldNames().forEachRemaining(f -> {
                if (f.startsWith("stat_")) {
                    stat.put(f.substring(5), n.get(f).asLong(-1));
                }
            });
        } catch (JsonProcessingException e) {
            return java.util.Map.of();
        }
        return stat;
    }

    /** A worker line's /proc/self/oom_score, or -1. */
    public static long oomScore(String line) {
        try {
            return JSON.readTree(line).path("oom_score").asLong(-1);
        } catch (JsonProcessingException e) {
            return -1;
        }
    }

    /** A supervisor's "proc" line: how one process ended (its progress is added by the reader). */
    public static Optional<ProcessReport> processEnd(String line) {
        if (line == null || !line.startsWith("{\"ev\":\"proc\"")) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(line);
            return Optional.of(new ProcessReport(n.path("proc").asText(""), n.path("oom_score_adj").asInt(0),
                    n.path("pid").asInt(-1), n.path("status").asText(""), n.path("code").asInt(-1),
                    n.path("signal").asInt(0), n.path("signal_name").asText(""), 0, 0, -1, n.path("t_us").asLong(0)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The probe's error text from a fail or usage line ("ENOMEM", "bad step"). */
    public static Optional<String> error(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n.hasNonNull("error")
                    ? Optional.of(n.path("op").asText("") + (n.has("op") ? ": " : "") + n.get("error").asText())
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static long counter(JsonNode n, String field) {
        return n.path(field).asLong(-1);
    }
}
