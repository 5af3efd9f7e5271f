package dev.oomlab.hypothesis;

import dev.oomlab.result.HostFingerprint;
import java.util.List;
import java.util.Objects;

/**
 * The hypotheses as one host answered them, with that host's fingerprint.
 *
 * @param host the host's name ("local", "vm")
 */
public record HostRun(String host, HostFingerprint fingerprint, List<HypothesisResult> hypotheses) {

    public HostRun {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(fingerprint, "fingerprint");
        hypotheses = List.copyOf(hypotheses);
    }

    /** The result of hypothesis {@code id} on this host, or null when it was not run here. */
    public HypothesisResult hypothesis(String id) {
        return hypotheses.stream().filter(h -> h.hypothesis().id().equals(id)).findFirst().orElse(null);
    }
}
