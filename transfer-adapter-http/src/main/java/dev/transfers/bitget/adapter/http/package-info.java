/**
 * The {@link dev.transfers.bitget.domain.TransferGateway} port over Bitget's REST API:
 * {@link dev.transfers.bitget.adapter.http.BitgetTransferGateway}, configured with
 * {@link dev.transfers.bitget.adapter.http.BitgetCredentials},
 * {@link dev.transfers.bitget.adapter.http.RetryPolicy}, a
 * {@link dev.transfers.bitget.adapter.http.RequestRateLimiter} and, for tests,
 * {@link dev.transfers.bitget.domain.Sleeper} and a {@link java.time.Clock}.
 *
 * <h2>How answers map to the port's outcomes</h2>
 * <table>
 *   <caption>One attempt's answer, and what the transfer call does with it</caption>
 *   <tr><th>answer</th><th>attempt says</th><th>then</th></tr>
 *   <tr><td>2xx, code 00000, data.transferId a non-blank string</td><td>applied</td><td>receipt (echo of
 *       clientOid / clientOrderId optional)</td></tr>
 *   <tr><td>43012, 40754, 50052 / 43117, 40799 / coin and symbol codes / 43136 / parameter codes</td>
 *       <td>this transfer refused</td><td>rejection (INSUFFICIENT_BALANCE, AMOUNT_OUT_OF_RANGE,
 *       UNSUPPORTED_COIN_OR_SYMBOL, ACCOUNT_FROZEN, INVALID_PARAMETER), even after an in-doubt attempt:
 *       Bitget judges the same clientOid and body</td></tr>
 *   <tr><td>auth codes / permission codes incl. 40099 / unknown code with HTTP 4xx</td><td>this request
 *       refused</td><td>rejection (AUTHENTICATION, PERMISSION, OTHER); outcome unknown if an earlier
 *       attempt was in doubt, since a refused request says nothing about an earlier one</td></tr>
 *   <tr><td>40005, 40008</td><td>timestamp refused</td><td>read server time, correct the offset, retry
 *       once; then CLOCK_SKEW (or unknown after an in-doubt attempt)</td></tr>
 *   <tr><td>HTTP 429 or code 429</td><td>not applied</td><td>retry; RATE_LIMITED if it is the last
 *       answer and nothing was ever in doubt</td></tr>
 *   <tr><td>connection refused, connect timeout, unknown host, failed TLS handshake (such as an
 *       untrusted certificate)</td><td>not sent</td><td>retry;
 *       EXCHANGE_UNREACHABLE if no attempt ever got further</td></tr>
 *   <tr><td>40015, 40010, 40909, 43137, 40910, 40908, 42013; HTTP 5xx; read timeout; reset, empty or
 *       malformed answer; HTML; 00000 without transferId; unknown code with a non-4xx status</td>
 *       <td>in doubt</td><td>retry with the same body; outcome unknown if no later answer settles it</td></tr>
 * </table>
 *
 * <p>Retries stop at {@link dev.transfers.bitget.adapter.http.RetryPolicy#maxAttempts()} attempts or
 * when the next one could not start before the deadline. A deadline that passes before any request
 * was sent (for example while waiting for the rate limiter) is a rejection with reason
 * EXCHANGE_UNREACHABLE: nothing was sent, so nothing can have been applied.
 *
 * <h2>Rate limit</h2>
 * Every attempt, retries included, first takes a permit from the gateway's
 * {@link dev.transfers.bitget.adapter.http.RequestRateLimiter}: by default a
 * {@link dev.transfers.bitget.adapter.http.LocalRateLimiter} of its own: permits 100 ms apart, each
 * holding one of 10 slots of this process ({@code SendWindow}) until the next request through it
 * cannot arrive within 1000 ms of the previous one's arrival. The gateway gives the permit back when
 * the attempt ends, with Bitget's {@code requestTime} from the answer (or none, and then the end of
 * the attempt dates the arrival), so no 1000 ms window of arrivals holds 11 requests of one limiter,
 * however long requests stall before they leave, and the round trip is not charged to the limit. Gateways share a
 * limit by sharing the limiter instance
 * ({@link dev.transfers.bitget.adapter.http.BitgetTransferGateway.Builder#rateLimiter}); processes
 * share one through a limiter that keeps its state outside them, such as the Redis one of
 * {@code transfer-adapter-http-redis}. When a limiter cannot give a permit (its store down,
 * refusing, too slow) the attempt is not sent: fail closed, a rejection with reason
 * EXCHANGE_UNREACHABLE whose cause is a
 * {@link dev.transfers.bitget.adapter.http.RateLimiterUnavailableException}, or outcome unknown if
 * an earlier attempt of the call was in doubt.
 */
package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.Sleeper;
