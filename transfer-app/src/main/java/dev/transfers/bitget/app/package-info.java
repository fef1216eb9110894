/**
 * The composition root and the {@code bitget-transfer} command line: picocli commands
 * ({@code transfer}, {@code batch}, {@code simulate}) over the domain's {@code TransferGateway},
 * wired to the HTTP adapter or to an embedded simulated Bitget, with documented exit codes.
 */
package dev.transfers.bitget.app;
