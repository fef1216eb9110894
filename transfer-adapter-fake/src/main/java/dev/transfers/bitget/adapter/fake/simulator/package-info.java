/**
 * {@link dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget}: a wire-level simulation of
 * Bitget's transfer and transfer-records endpoints on loopback, written from Bitget's documentation
 * and sharing no signing or parsing code with the HTTP adapter, so that it can serve as that
 * adapter's test oracle. Its balances and history are kept by the same
 * {@link dev.transfers.bitget.adapter.fake.ExchangeLedger} as the in-memory fake's.
 *
 * <p>It ships in {@code transfer-adapter-fake}, not in an artifact of its own (as OkHttp's
 * mockwebserver does), because it shares that ledger with the in-memory fake, so that the two answer
 * every case alike, and because the whole module costs a test classpath one small library (Gson)
 * besides the domain: a user who wants one fake gets both for nothing. The command line embeds it
 * for its no-credentials demonstration and its {@code simulate} command.
 */
package dev.transfers.bitget.adapter.fake.simulator;
