package dev.switchyard.engine.export;

import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.TrafficSample;

/** The synthetic traffic and prices of {@link LiveRouterRoundTripTest}, for tests in other packages. */
public final class LiveRouterRoundTripTestAccess {
    private LiveRouterRoundTripTestAccess() {
    }

    public static TrafficSample traffic() {
        return LiveRouterRoundTripTest.traffic();
    }

    public static PriceSheet prices() {
        return LiveRouterRoundTripTest.prices();
    }
}
