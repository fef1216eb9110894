package dev.transfers.bitget.adapter.fake.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Wire faults for one endpoint: {@link SimulatedBitget#faults()} for the transfer,
 * {@link SimulatedBitget#recordsFaults()} for the transfer records; each has its own queue. Each
 * method queues one fault; each request to that endpoint takes the oldest queued fault (first in,
 * first out), whatever the request contains. Faults that say "applied" run the request normally (a
 * transfer is applied if valid, a records request is answered; otherwise its rejection is the answer
 * that is disturbed, and it counts towards the rate limit); the others answer without looking at
 * the request, so nothing is applied and the request does not count towards the rate limit.
 */
public final class Faults {
    private final Queue<Fault> queue = new ConcurrentLinkedQueue<>();
    private final Supplier<Instant> serverTime;

    Faults(Supplier<Instant> serverTime) {
        this.serverTime = serverTime;
    }

    /** Runs the next request (a transfer is applied), then closes the connection without answering. */
    public Faults dropConnectionAfterApplying() {
        return add((exchange, process) -> {
            process.get();
            exchange.close();
        });
    }

    /** Closes the connection of the next request without running (applying) or answering it. */
    public Faults dropConnectionBeforeApplying() {
        return add((exchange, process) -> exchange.close());
    }

    /**
     * Answers the next request with an HTML error page, as a gateway does; nothing is run or applied.
     *
     * @param httpStatus a 5xx status, such as 502 or 503
     */
    public Faults htmlError(int httpStatus) {
        if (httpStatus < 500 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 5xx: " + httpStatus);
        }
        Response page = Response.html(httpStatus);
        return add((exchange, process) -> page.writeTo(exchange));
    }

    /**
     * Runs the next request (a transfer is applied), then waits this long before answering, so a
     * client with a shorter read timeout gives up after the transfer was applied.
     */
    public Faults delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return add((exchange, process) -> {
            Response response = process.get();
            try {
                TimeUnit.NANOSECONDS.sleep(delay.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            response.writeTo(exchange);
        });
    }

    /** Runs the next request (a transfer is applied), then sends half of the answer under the full Content-Length and closes. */
    public Faults truncatedBody() {
        return add((exchange, process) -> process.get().writeTruncatedTo(exchange));
    }

    /** Answers the next request with this Bitget code and message; nothing is run or applied. */
    public Faults answer(int httpStatus, String code, String msg) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 100..599: " + httpStatus);
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(msg, "msg");
        return add((exchange, process) -> Response.error(httpStatus, code, msg, serverTime.get()).writeTo(exchange));
    }

    /** Answers the next request with HTTP 429 and Bitget's "Too Many Requests" body; nothing is run or applied. */
    public Faults tooManyRequests() {
        return answer(429, "429", "Too Many Requests");
    }

    /** The oldest queued fault, removed from the queue, or {@link Fault#NONE}. */
    Fault next() {
        Fault fault = queue.poll();
        return fault == null ? Fault.NONE : fault;
    }

    private Faults add(Fault fault) {
        queue.add(fault);
        return this;
    }
}
