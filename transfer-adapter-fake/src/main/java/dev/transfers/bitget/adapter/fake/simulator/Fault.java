package dev.transfers.bitget.adapter.fake.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * How one transfer request is answered: {@code process} runs the endpoint's checks and, if they
 * pass, applies the transfer; a fault decides whether to run it at all and how to deliver its answer.
 */
@FunctionalInterface
interface Fault {
    /** No fault: process the request and send the answer. */
    Fault NONE = (exchange, process) -> process.get().writeTo(exchange);

    void respond(HttpExchange exchange, Supplier<Response> process) throws IOException;
}
