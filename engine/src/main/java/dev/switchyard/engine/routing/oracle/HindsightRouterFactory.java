package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;

/** Builds a bound. Its descriptor's role is always {@code BOUND}. */
public interface HindsightRouterFactory {

    RouterDescriptor descriptor();

    HindsightRouter create(RoutingContext context, RouterParameters parameters, HindsightPool pool);
}
