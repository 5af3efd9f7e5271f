package dev.oomlab.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One object rendered for a front end: MIME type to content, in order of preference. Binary
 * types (image/png) hold base64 text, as Jupyter's display_data does.
 */
public final class MimeBundle {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String MARKDOWN = "text/markdown";

    private final Map<String, String> data;

    private MimeBundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static MimeBundle of(Map<String, String> data) {
        Objects.requireNonNull(data, "data");
        return new MimeBundle(data);
    }

    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, text));
    }

    public MimeBundle with(String mime, String content) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.put(mime, content);
        return new MimeBundle(copy);
    }

    /** Keeps only the given types (all when none is given); text/plain always stays. */
    public MimeBundle only(String... mimes) {
        if (mimes == null || mimes.length == 0) {
            return this;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String mime : mimes) {
            if (data.containsKey(mime)) {
                kept.put(mime, data.get(mime));
            }
        }
        kept.putIfAbsent(TEXT, data.getOrDefault(TEXT, ""));
        return new MimeBundle(kept);
    }

    public Map<String, String> data() {
        return data;
    }

    public String get(String mime) {
        return data.get(mime);
    }

    @Override
    public String toString() {
        return data.getOrDefault(TEXT, data.keySet().toString());
    }
}
