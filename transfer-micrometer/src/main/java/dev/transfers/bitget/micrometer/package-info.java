/**
 * Micrometer meters for the HTTP adapter:
 * {@link dev.transfers.bitget.micrometer.MicrometerTransferListener}, a
 * {@link dev.transfers.bitget.adapter.http.TransferListener} to add to a
 * {@link dev.transfers.bitget.adapter.http.BitgetTransferGateway}'s builder. Optional: the adapter
 * itself knows nothing of Micrometer.
 */
package dev.transfers.bitget.micrometer;
