package dev.oomlab.display;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renderers by type. A value's renderer is the one registered for its class, else for the
 * nearest superclass, else for one of its interfaces (breadth first), as a kernel's
 * {@code render<T>} would pick it.
 */
public final class RendererRegistry {

    private final Map<Class<?>, Function<Object, MimeBundle>> byType = new ConcurrentHashMap<>();

    /** Registers (or replaces) the renderer of a type. */
    public <T> RendererRegistry register(Class<T> type, Function<? super T, MimeBundle> renderer) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(renderer, "renderer");
        byType.put(type, value -> renderer.apply(type.cast(value)));
        return this;
    }

    /** The renderer for a value's type, if any is registered. */
    public Optional<Function<Object, MimeBundle>> find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Function<Object, MimeBundle> r = byType.get(c);
            if (r != null) {
                return Optional.of(r);
            }
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            queue.addAll(java.util.List.of(c.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> i = queue.poll();
            if (!seen.add(i)) {
                continue;
            }
            Function<Object, MimeBundle> r = byType.get(i);
            if (r != null) {
                return Optional.of(r);
            }
            queue.addAll(java.util.List.of(i.getInterfaces()));
        }
        return Optional.empty();
    }
}
