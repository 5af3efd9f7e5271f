package dev.oomlab.display;

/**
 * Registers renderers for some types (found with {@link java.util.ServiceLoader}), so a package
 * of views can show a package of results without either knowing the other's code: results never
 * import their views, and a new result type gets its view by registering one, not by changing.
 */
public interface RendererProvider {

    void registerAll(RendererRegistry registry);
}
