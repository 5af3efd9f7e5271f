package dev.oomlab.kernel.jshell;

/** How a cell ended: nothing to show, a value to show, or an error. */
public sealed interface CellOutcome {

    record Done() implements CellOutcome {
    }

    /** The value of the cell's last expression (may be null, which is shown as null). */
    record Value(Object value) implements CellOutcome {
    }

    record Failed(ErrorReport error) implements CellOutcome {
    }
}
