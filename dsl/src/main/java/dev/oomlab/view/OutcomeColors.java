package dev.oomlab.view;

import dev.oomlab.hypothesis.Verdict;
import dev.oomlab.result.Outcome;
import java.awt.Color;

/**
 * One colour per outcome (and verdict), shared by cards, tables and charts so an OOM looks the same
 * everywhere. Saturated enough to carry white text, readable on light and dark themes.
 */
public final class OutcomeColors {

    /** Green: what ended as asked (OK) and a claim the runs support. */
    private static final Color GOOD = new Color(0x15803d);
    /** Grey: nothing to show, or an answer that says nothing either way (too close to tell, inconclusive). */
    private static final Color NEUTRAL = new Color(0x6b7280);

    private OutcomeColors() {
    }

    public static Color of(Outcome outcome) {
        if (outcome == null) {
            return NEUTRAL;
        }
        return switch (outcome) {
            case OK -> GOOD;
            case OOM -> new Color(0xb91c1c);
            case SIGBUS -> new Color(0xc2410c);
            case ALLOC_FAILED -> new Color(0xa16207);
            case HUNG -> new Color(0x7e22ce);
            case TIMEOUT -> new Color(0x4b5563);
            case REFUSED -> new Color(0x0e7490);
            case ERROR -> new Color(0x1f2937);
            case TOO_CLOSE_TO_TELL -> NEUTRAL;
        };
    }

    /** Rejected is not a failure (the seed's finding is a rejection): indigo, not red. */
    public static Color of(Verdict verdict) {
        if (verdict == null) {
            return NEUTRAL;
        }
        return switch (verdict) {
            case SUPPORTED -> GOOD;
            case REJECTED -> new Color(0x4338ca);
            case INCONCLUSIVE -> NEUTRAL;
            case CANNOT_RUN -> new Color(0x92400e);
        };
    }

    /** "#b91c1c", for inline styles. */
    public static String hex(Outcome outcome) {
        return hex(of(outcome));
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
