/**
 * Spring Boot auto-configuration of the Bitget transfer library: a
 * {@link dev.transfers.bitget.adapter.http.BitgetTransferGateway} from {@code bitget.transfer.*}
 * properties ({@link dev.transfers.bitget.spring.BitgetTransferProperties}), and with Actuator, the
 * {@code bitget} health component and the sanitising of the properties' secrets.
 */
package dev.transfers.bitget.spring;
