package dev.transfers.bitget.adapter.http;

import feign.Response;
import java.io.IOException;
import java.io.InputStream;

/** What every exchange call of this adapter does with an answer's body and a failure's text. */
final class Wire {

    private Wire() {
    }

    /** The body {@link OkHttpTransport} already read, bounded in size and time. */
    static byte[] readBody(Response response) throws IOException {
        if (response.body() instanceof OkHttpTransport.ReadBody read) {
            return read.bytes();
        }
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readAllBytes();
        }
    }

    /** A failure in plain words: its simple class name and message (JDK causes only: never a request). */
    static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
