package dev.oomlab.kernel.jshell;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * An expression run again unchanged (a notebook cell re-run, a value looked at twice) skips
 * JShell's analysis and compilation, five javac tasks and about nine tenths of a trivial cell's
 * time: the wrapper JShell loaded for it runs again, which is what compiling the same text against
 * the same declarations would give. That holds only while nothing that names resolve to has
 * changed, so any other kind of snippet (a declaration, an import, a statement, a rejected one) or
 * a class-path change forgets every entry; the snippet must still be VALID (not dropped, not
 * overwritten); and text naming a $-variable is never reused, since those come and go.
 */
final class Rerun {

    /** Entries whose snippets were dropped are removed when looked up; this bounds the rest. */
    private static final int MAX_ENTRIES = 64;

    record Entry(VarSnippet snippet, String className, String method) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    Optional<Entry> find(String source, JShell shell) {
        Entry entry = entries.get(source);
        if (entry == null) {
            return Optional.empty();
        }
        if (shell.status(entry.snippet()) != Snippet.Status.VALID) {
            entries.remove(source);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void remember(String source, VarSnippet snippet, String className, String method) {
        if (source.indexOf('$') >= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(source, new Entry(snippet, className, method));
    }

    /** Names may resolve differently from now on. */
    void forgetAll() {
        entries.clear();
    }
}
