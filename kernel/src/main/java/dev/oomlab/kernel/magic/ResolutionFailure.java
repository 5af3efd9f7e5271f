package dev.oomlab.kernel.magic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** A failed resolution in a few lines: which coordinate, and the resolver's innermost reason. */
final class ResolutionFailure {

    private ResolutionFailure() {
    }

    static String describe(List<String> asked, DependencyResolutionException e) {
        Set<String> reasons = new LinkedHashSet<>();
        if (e.getResult() != null) {
            e.getResult().getCollectExceptions().forEach(c -> reasons.add(innermost(c)));
            for (ArtifactResult result : e.getResult().getArtifactResults()) {
                result.getExceptions().forEach(x -> reasons.add(result.getRequest().getArtifact() + ": " + innermost(x)));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(innermost(e));
        }
        return "%maven " + String.join(" ", asked) + ": could not resolve\n  " + String.join("\n  ", reasons);
    }

    /** The deepest message: the resolver wraps "not found" or "connection refused" several times. */
    private static String innermost(Throwable t) {
        Throwable deepest = t;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        if (deepest != t && t.getMessage() != null && !message.contains(":")) {
            message = t.getMessage().lines().findFirst().orElse("") + ": " + message;
        }
        return message.lines().findFirst().orElse(message);
    }
}
