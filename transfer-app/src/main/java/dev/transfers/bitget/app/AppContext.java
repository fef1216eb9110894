package dev.transfers.bitget.app;

import java.util.Objects;

/**
 * What the commands get from outside: the environment (for credentials), how to make a gateway,
 * and how long {@code simulate} runs. {@link #system()} is the real process; tests pass their own.
 */
record AppContext(Environment environment, GatewayFactory gateways, SimulatorLifetime simulatorLifetime) {
    public AppContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(gateways, "gateways");
        Objects.requireNonNull(simulatorLifetime, "simulatorLifetime");
    }

    /** The process environment, the HTTP adapter, and a simulator that runs until the process is interrupted. */
    public static AppContext system() {
        return new AppContext(Environment.system(), new HttpGatewayFactory(), SimulatorLifetime.untilInterrupted());
    }
}
