package dev.oomlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/**
 * The traceback of an exception thrown by user code: the user's frames only. Frames below the
 * snippet (reflection, the kernel's runner, Thread.run) are cut; snippet frames read as
 * "at f(#12:1)", the snippet id standing for the file, as jshell prints them.
 */
final class Traces {

    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[$.]?");

    private Traces() {
    }

    static ErrorReport of(JShellException exception) {
        String name = exception instanceof EvalException eval ? eval.getExceptionClassName()
                : exception.getClass().getSimpleName();
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(ErrorReport.RED + headline(name, message) + ErrorReport.RESET);
        appendFrames(lines, exception.getStackTrace());
        Throwable cause = exception.getCause();
        while (cause != null) {
            String causeName = cause instanceof EvalException eval ? eval.getExceptionClassName()
                    : cause.getClass().getName();
            lines.add("Caused by: " + headline(causeName, cause.getMessage()));
            appendFrames(lines, cause.getStackTrace());
            cause = cause.getCause();
        }
        return new ErrorReport(name, message, lines);
    }

    /** The same for an exception caught outside JShell (a snippet run again, see {@link Rerun}). */
    static ErrorReport of(Throwable exception) {
        String name = exception.getClass().getName();
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(ErrorReport.RED + headline(name, message) + ErrorReport.RESET);
        appendFrames(lines, exception.getStackTrace());
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            lines.add("Caused by: " + headline(cause.getClass().getName(), cause.getMessage()));
            appendFrames(lines, cause.getStackTrace());
        }
        return new ErrorReport(name, message, lines);
    }

    private static String headline(String name, String message) {
        return message == null || message.isEmpty() ? name : name + ": " + message;
    }

    private static void appendFrames(List<String> lines, StackTraceElement[] frames) {
        int end = userFrames(frames);
        for (int i = 0; i < end; i++) {
            lines.add("\tat " + describe(frames[i]));
        }
    }

    /** How many leading frames belong to the user: up to the last snippet frame, else up to the kernel. */
    static int userFrames(StackTraceElement[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            if (isSnippet(frames[i])) {
                return i + 1;
            }
        }
        for (int i = 0; i < frames.length; i++) {
            String type = frames[i].getClassName();
            if (type.startsWith("dev.oomlab.kernel.") || type.startsWith("jdk.internal.reflect.")
                    || type.startsWith("java.lang.reflect.")) {
                return i;
            }
        }
        return frames.length;
    }

    /** JShell already names a snippet's frames by what the user wrote: no class, the snippet id as file. */
    private static boolean isSnippet(StackTraceElement frame) {
        return frame.getClassName().isEmpty() || frame.getClassName().startsWith("REPL.");
    }

    static String describe(StackTraceElement frame) {
        if (!isSnippet(frame)) {
            return frame.toString();
        }
        String shortType = WRAPPER.matcher(frame.getClassName()).replaceFirst("");
        String method = shortType.isEmpty() ? frame.getMethodName() : shortType + "." + frame.getMethodName();
        String where = frame.getFileName() == null ? "snippet" : frame.getFileName();
        return method + "(" + where + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")";
    }
}
