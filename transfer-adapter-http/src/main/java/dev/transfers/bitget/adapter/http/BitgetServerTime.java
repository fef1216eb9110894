package dev.transfers.bitget.adapter.http;

import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Reads Bitget's public clock ({@code GET /api/v2/public/time}, no credentials) and how far this
 * machine's clock is from it: what a health check needs to say whether the exchange is reachable
 * and whether signed requests would fall outside its timestamp window. It reads the answer as the
 * gateway does when it resyncs its clock. Thread safe; holds no resource to close.
 *
 * <pre>{@code
 * BitgetServerTime time = BitgetServerTime.builder().baseUrl(URI.create("https://api.bitget.com")).build();
 * if (time.read() instanceof BitgetServerTime.Reading reading) {
 *     log.info("Bitget's clock is {} ahead of ours", reading.clockOffset());
 * }
 * }</pre>
 */
public final class BitgetServerTime {
    private final BitgetPublicApi api;
    private final ResponseClassifier classifier;
    private final Clock clock;
    private final Request.Options options;

    private BitgetServerTime(Builder builder) {
        this.clock = builder.clock;
        this.classifier = new ResponseClassifier(clock);
        this.api = Feign.builder()
                .client(new OkHttpTransport(builder.sslContext,
                        BitgetTransferGateway.Builder.tlsProtocols(builder.sslContext), builder.connectTimeout,
                        builder.readTimeout))
                .retryer(Retryer.NEVER_RETRY)
                .target(BitgetPublicApi.class, builder.baseUrl.toString().replaceFirst("/+$", ""));
        this.options = new Request.Options(builder.connectTimeout, builder.readTimeout, false);
    }

    /** A builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** One request for the exchange's time: a {@link Reading}, or {@link Unavailable} with the reason. */
    public Result read() {
        long sent = clock.millis();
        try (Response response = api.serverTime(options)) {
            byte[] body = Wire.readBody(response);
            long received = clock.millis();
            Optional<Long> serverTime = classifier.serverTime(response.status(), body);
            if (serverTime.isEmpty()) {
                return new Unavailable("HTTP " + response.status() + " without a usable server time");
            }
            ExchangeClock offset = new ExchangeClock(clock);
            offset.resync(serverTime.get(), sent, received);
            return new Reading(Instant.ofEpochMilli(serverTime.get()), Duration.ofMillis(offset.offsetMillis()),
                    Duration.ofMillis(received - sent));
        } catch (IOException | RuntimeException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return new Unavailable(Wire.describe(cause));
        }
    }

    /** What one read of the exchange's time gave. */
    public sealed interface Result permits Reading, Unavailable {
    }

    /**
     * The exchange's time and this machine's distance from it.
     *
     * @param serverTime  the exchange's clock when it answered
     * @param clockOffset the exchange's clock minus this machine's (positive: this machine is behind),
     *                    the server assumed to read its clock half way through the round trip
     * @param roundTrip   how long the request took
     */
    public record Reading(Instant serverTime, Duration clockOffset, Duration roundTrip) implements Result {
        /** Checks that no value is missing. */
        public Reading {
            Objects.requireNonNull(serverTime, "serverTime");
            Objects.requireNonNull(clockOffset, "clockOffset");
            Objects.requireNonNull(roundTrip, "roundTrip");
        }
    }

    /**
     * No usable answer.
     *
     * @param reason what happened: the connection failure, or the status of an answer without a server time
     */
    public record Unavailable(String reason) implements Result {
        /** Checks that the reason is given. */
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Configures a {@link BitgetServerTime}. */
    public static final class Builder {
        private URI baseUrl = BitgetTransferGateway.DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private SSLContext sslContext;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where Bitget's API is (default {@code https://api.bitget.com}); no credentials travel to it. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Longest wait to open a connection (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Longest wait for the answer (default 10 s). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** The TLS context for an {@code https://} base URL (default the JDK's). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** This machine's clock, which the offset is measured from (default the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The reader.
         *
         * @throws IllegalArgumentException naming a setting that is out of range
         */
        public BitgetServerTime build() {
            BitgetTransferGateway.Builder.requireHttpUrl(baseUrl);
            BitgetTransferGateway.Builder.requirePositive(connectTimeout, "connectTimeout");
            BitgetTransferGateway.Builder.requirePositive(readTimeout, "readTimeout");
            if (sslContext == null) {
                sslContext = BitgetTransferGateway.Builder.defaultSslContext();
            }
            return new BitgetServerTime(this);
        }
    }
}
