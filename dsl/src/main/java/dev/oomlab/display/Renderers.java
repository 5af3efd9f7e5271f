package dev.oomlab.display;

import java.util.ServiceLoader;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * Turns any value into a {@link MimeBundle} through the renderers registered per type: Tablesaw
 * tables and XChart charts here, oomlab's results by the view package (a {@link RendererProvider}),
 * anything else as text. One place, so the kernel, reports and jshell agree.
 */
public final class Renderers {

    private static final RendererRegistry REGISTRY = builtIns();

    private Renderers() {
    }

    private static RendererRegistry builtIns() {
        RendererRegistry r = new RendererRegistry();
        r.register(Table.class, t -> MimeBundle.text(t.printAll()).with(MimeBundle.HTML, TableHtml.render(t)));
        r.register(XYChart.class, c -> chart(c.getTitle(), Png.of(c)));
        r.register(CategoryChart.class, c -> chart(c.getTitle(), Png.of(c)));
        r.register(PieChart.class, c -> chart(c.getTitle(), Png.of(c)));
        ServiceLoader.load(RendererProvider.class, Renderers.class.getClassLoader())
                .forEach(p -> p.registerAll(r));
        return r;
    }

    /** Registers a renderer for a type: {@code register(MyResult.class, r -> MimeBundle.text(...))}. */
    public static <T> void register(Class<T> type, Function<? super T, MimeBundle> renderer) {
        REGISTRY.register(type, renderer);
    }

    public static MimeBundle render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value instanceof Displayable displayable) {
            return displayable.mimeBundle();
        }
        if (value == null) {
            return MimeBundle.text("null");
        }
        return REGISTRY.find(value.getClass()).map(r -> r.apply(value))
                .orElseGet(() -> MimeBundle.text(String.valueOf(value)));
    }

    /** True when {@link #render} gives more than plain text for this value. */
    public static boolean isRich(Object value) {
        return value instanceof MimeBundle || value instanceof Displayable
                || (value != null && REGISTRY.find(value.getClass()).isPresent());
    }

    private static MimeBundle chart(String title, byte[] png) {
        return MimeBundle.text(title == null ? "chart" : "chart: " + title)
                .with(MimeBundle.PNG, Png.base64(png));
    }
}
