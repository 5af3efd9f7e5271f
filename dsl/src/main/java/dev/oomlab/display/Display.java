package dev.oomlab.display;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user-facing display calls, as in IJava: {@code display(obj)} and {@code updateDisplay(id, obj)}.
 * Output goes to the installed {@link DisplaySink}: a Jupyter kernel's, or plain text on stdout.
 */
public final class Display {

    private static volatile DisplaySink sink = new TextSink();

    private Display() {
    }

    public static void install(DisplaySink newSink) {
        sink = Objects.requireNonNull(newSink, "sink");
    }

    public static void reset() {
        sink = new TextSink();
    }

    public static DisplaySink sink() {
        return sink;
    }

    /** Shows a value (optionally only in the given MIME types) and returns its display id. */
    public static String display(Object value, String... mimes) {
        return sink.display(bundle(value, mimes));
    }

    public static void updateDisplay(String displayId, Object value, String... mimes) {
        sink.update(displayId, bundle(value, mimes));
    }

    private static MimeBundle bundle(Object value, String... mimes) {
        // display("<b>x</b>", "text/html") shows the string itself as that type, as IJava does.
        if (value instanceof CharSequence text && mimes != null && mimes.length > 0) {
            MimeBundle bundle = MimeBundle.text(text.toString());
            for (String mime : mimes) {
                bundle = bundle.with(mime, text.toString());
            }
            return bundle;
        }
        return Renderers.render(value).only(mimes);
    }

    /** The default outside a kernel: text on stdout; updates print again. */
    static final class TextSink implements DisplaySink {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public String display(MimeBundle bundle) {
            System.out.println(bundle);
            return "text-" + ids.incrementAndGet();
        }

        @Override
        public void update(String displayId, MimeBundle bundle) {
            System.out.println(bundle);
        }
    }
}
