/**
 * Batch files for {@code bitget-transfer batch}: reading the CSV row by row with line numbers, and
 * deriving deterministic clientOids so that re-running a file never applies a transfer twice.
 */
package dev.transfers.bitget.app.batch;
