/**
 * {@link dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget}: a wire-level simulation of
 * Bitget's transfer endpoint on loopback, written from Bitget's documentation and sharing no
 * signing or parsing code with the HTTP adapter, so that it can serve as that adapter's test oracle.
 */
package dev.transfers.bitget.adapter.fake.simulator;
