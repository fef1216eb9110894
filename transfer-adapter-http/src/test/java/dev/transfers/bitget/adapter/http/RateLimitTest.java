package dev.transfers.bitget.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.transfers.bitget.adapter.http.WireFixture.API_KEY;
import static dev.transfers.bitget.adapter.http.WireFixture.PASSPHRASE;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.TRANSFER_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.success;
import static dev.transfers.bitget.adapter.http.WireFixture.thrownBy;
import static dev.transfers.bitget.adapter.http.WireFixture.transferRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client-side limiter, on real time: what the server sees is at most 10 requests in any 1000 ms. */
class RateLimitTest {
    private static final int CALLERS = 16;
    private static final int TRANSFERS = 25;

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(CALLERS + 8))
            .build();

    @BeforeEach
    void recordsHoldNothing() {
        WireFixture.noRecords(server);
    }

    private BitgetTransferGateway gateway(RequestRateLimiter rateLimiter, Duration deadline) {
        return BitgetTransferGateway.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.getPort()))
                .credentials(BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE))
                .rateLimiter(rateLimiter)
                .deadline(deadline)
                .build();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void concurrentCallersThroughTwoGatewaysOfOneLimiterNeverPutElevenRequestsInOneSecond() throws Exception {
        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).willReturn(okJson(success("1", "echo"))));
        LocalRateLimiter uid = new LocalRateLimiter();
        List<BitgetTransferGateway> gateways = List.of(gateway(uid, Duration.ofSeconds(30)),
                gateway(uid, Duration.ofSeconds(30)));
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Callable<TransferReceipt>> calls = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                BitgetTransferGateway gateway = gateways.get(i % 2);
                calls.add(() -> gateway.transfer(spotToFutures()));
            }
            for (Future<TransferReceipt> result : callers.invokeAll(calls)) {
                assertThat(result.get().transferId()).isEqualTo("1");
            }
        } finally {
            callers.shutdownNow();
        }

        List<Long> arrivals = transferRequests(server).stream()
                .map(request -> request.getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(arrivals).hasSize(TRANSFERS);
        for (int first = 0; first + 10 < arrivals.size(); first++) {
            assertThat(arrivals.get(first + 10) - arrivals.get(first))
                    .as("ms from request %d to request %d, the 11th in a row", first, first + 10)
                    .isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void aPermitThatWouldCostMoreThanTheDeadlineSendsNothingAndIsUnreachable() {
        server.stubFor(post(urlEqualTo(TRANSFER_PATH)).willReturn(okJson(success("1", "echo"))));
        LocalRateLimiter uid = new LocalRateLimiter();
        BitgetTransferGateway gateway = gateway(uid, Duration.ofSeconds(2));
        // Another user of the limiter already spent a few seconds' worth of permits (after the
        // gateway was built: building it cold can take longer than a second of refill).
        uid.bucket.consumeIgnoringRateLimits(30);

        TransferRejectedException rejected = thrownBy(TransferRejectedException.class,
                () -> gateway.transfer(spotToFutures()));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.EXCHANGE_UNREACHABLE);
        assertThat(transferRequests(server)).isEmpty();
    }
}
