package dev.oomlab.kernel.jshell;

import java.util.List;

/** An error as Jupyter shows it: the exception's name, its message, and the lines of a traceback. */
public record ErrorReport(String name, String value, List<String> traceback) {

    static final String RED = "\u001b[31m";
    static final String RESET = "\u001b[0m";

    public static ErrorReport interrupted() {
        return new ErrorReport("Interrupted", "the cell was interrupted",
                List.of(RED + "Interrupted: the cell was interrupted" + RESET));
    }
}
