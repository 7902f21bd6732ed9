package dev.switchyard.engine.routing;

/** Builds one kind of router. Registered by name in {@link Routers}. */
public interface RouterFactory {

    RouterDescriptor descriptor();

    /**
     * @param parameters already validated against {@link #descriptor()} (defaults filled in)
     * @throws IllegalArgumentException when the context cannot support this router (e.g. an offline
     *     router without a calibration split), with a message the user can act on
     */
    Router create(RoutingContext context, RouterParameters parameters);
}
