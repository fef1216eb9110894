package dev.transfers.bitget.adapter.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads each answer's body within the attempt's read timeout. The JDK client's request timeout
 * ends when the headers arrive; a body that then stalls would block forever. Here the body is
 * read at once, up to a size bound, and a watchdog closes the stream when the read timeout
 * (counted from sending) runs out, so the attempt fails with an {@link IOException} (in doubt)
 * instead of hanging past the deadline.
 */
final class BodyDeadlineClient implements Client {
    /** Bitget's answers are a few hundred bytes; a longer body is cut and then fails to parse. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bitget-body-read-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Client delegate;

    BodyDeadlineClient(Client delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long startNanos = System.nanoTime();
        Response response = delegate.execute(request, options);
        if (response.body() == null) {
            return response;
        }
        long leftNanos = options.readTimeoutMillis() * 1_000_000L - (System.nanoTime() - startNanos);
        InputStream in = response.body().asInputStream();
        ScheduledFuture<?> guard = WATCHDOG.schedule(() -> closeQuietly(in), Math.max(1, leftNanos),
                TimeUnit.NANOSECONDS);
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES);
            if (guard.isDone()) {
                throw new IOException("the answer's body did not arrive within the read timeout");
            }
            return response.toBuilder().body(body).build();
        } finally {
            guard.cancel(false);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how the stalled read is ended; a failure to close changes nothing.
        }
    }
}
