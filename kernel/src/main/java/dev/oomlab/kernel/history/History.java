package dev.oomlab.kernel.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for history_request: tail, range and glob search, in IPython's shape
 * (session, line, input) or (session, line, (input, output)). Kept in memory for the session.
 */
public final class History {

    /** This process's session number; a restarted kernel starts a new history. */
    public static final int SESSION = 1;

    public record Entry(int session, int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int line, String input, String output) {
        entries.add(new Entry(SESSION, line, input, output));
    }

    /** The last n entries (all when n is not positive). */
    public synchronized List<Entry> tail(int n) {
        int from = n <= 0 ? 0 : Math.max(0, entries.size() - n);
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /**
     * Lines start (inclusive) to stop (exclusive; none means to the end) of a session; 0 or a
     * negative session means this one, as in IPython.
     */
    public synchronized List<Entry> range(int session, int start, Integer stop) {
        if (session > 0 && session != SESSION) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.line() >= start && (stop == null || e.line() < stop))
                .toList();
    }

    /** Inputs matching a glob (* and ?), the last n of them (all when n is not positive). */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globPattern(glob);
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (pattern.matcher(entry.input()).matches()) {
                found.add(entry);
            }
        }
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry entry : found) {
                latest.remove(entry.input());
                latest.put(entry.input(), entry);
            }
            found = new ArrayList<>(latest.values());
        }
        int from = n <= 0 ? 0 : Math.max(0, found.size() - n);
        return List.copyOf(found.subList(from, found.size()));
    }

    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : (glob == null || glob.isEmpty() ? "*" : glob).toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
