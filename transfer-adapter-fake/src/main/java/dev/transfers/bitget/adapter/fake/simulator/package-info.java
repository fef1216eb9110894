/**
 * {@link dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget}: a wire-level simulation of
 * Bitget's transfer and transfer-records endpoints on loopback, written from Bitget's documentation
 * and sharing no signing or parsing code with the HTTP adapter, so that it can serve as that
 * adapter's test oracle. Its balances and history are kept by the same
 * {@link dev.transfers.bitget.adapter.fake.ExchangeLedger} as the in-memory fake's.
 */
package dev.transfers.bitget.adapter.fake.simulator;
