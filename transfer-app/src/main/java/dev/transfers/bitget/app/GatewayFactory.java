package dev.transfers.bitget.app;

import dev.transfers.bitget.domain.TransferGateway;

/**
 * Makes the {@link TransferGateway} the commands use. The app uses the HTTP adapter; tests may
 * tune it (shorter deadlines) or substitute another adapter. A gateway that is also
 * {@link AutoCloseable} is closed when the command ends.
 */
@FunctionalInterface
interface GatewayFactory {
    TransferGateway create(ExchangeTarget target);
}
