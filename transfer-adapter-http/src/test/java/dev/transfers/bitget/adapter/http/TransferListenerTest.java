package dev.transfers.bitget.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.transfers.bitget.adapter.http.WireFixture.API_KEY;
import static dev.transfers.bitget.adapter.http.WireFixture.PASSPHRASE;
import static dev.transfers.bitget.adapter.http.WireFixture.RECORDS_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.SECRET;
import static dev.transfers.bitget.adapter.http.WireFixture.TIME_PATH;
import static dev.transfers.bitget.adapter.http.WireFixture.bitget;
import static dev.transfers.bitget.adapter.http.WireFixture.error;
import static dev.transfers.bitget.adapter.http.WireFixture.record;
import static dev.transfers.bitget.adapter.http.WireFixture.records;
import static dev.transfers.bitget.adapter.http.WireFixture.spotToFutures;
import static dev.transfers.bitget.adapter.http.WireFixture.success;
import static dev.transfers.bitget.adapter.http.WireFixture.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.transfers.bitget.adapter.http.TransferListener.AttemptEnded;
import dev.transfers.bitget.adapter.http.TransferListener.AttemptKind;
import dev.transfers.bitget.adapter.http.TransferListener.CallEnded;
import dev.transfers.bitget.adapter.http.TransferListener.ClockResynced;
import dev.transfers.bitget.adapter.http.TransferListener.LookupResult;
import dev.transfers.bitget.adapter.http.TransferListener.Outcome;
import dev.transfers.bitget.adapter.http.TransferListener.PermitResult;
import dev.transfers.bitget.adapter.http.TransferListener.PermitWaited;
import dev.transfers.bitget.adapter.http.TransferListener.SettlementLookedUp;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferReceipt;
import dev.transfers.bitget.domain.TransferRejectedException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a gateway's listeners hear, over a real HTTP server on loopback and fake time. */
class TransferListenerTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final FakeTime time = new FakeTime();
    private final Recording heard = new Recording();

    @BeforeEach
    void recordsHoldNothingUnlessATestSaysSo() {
        WireFixture.noRecords(server);
    }

    private BitgetTransferGateway gateway(UnaryOperator<BitgetTransferGateway.Builder> tweaks) {
        return WireFixture.gateway(server, time, b -> tweaks.apply(b.addListener(heard)));
    }

    private BitgetTransferGateway gateway() {
        return gateway(UnaryOperator.identity());
    }

    private static void answerTransfer(ResponseDefinitionBuilder response) {
        WireFixture.answerTransfer(server, response);
    }

    private static void answerTransferFirst(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        WireFixture.answerTransferFirst(server, first, then);
    }

    @Test
    void anAppliedTransferIsOneGrantedPermitOneAppliedAttemptAndAnAnsweredCall() {
        Transfer transfer = spotToFutures();
        answerTransfer(okJson(success("t-1", transfer.clientOid())));

        gateway().transfer(transfer);

        assertThat(heard.permits).extracting(PermitWaited::clientOid, PermitWaited::result)
                .containsExactly(tuple(transfer.clientOid(), PermitResult.GRANTED));
        assertThat(heard.attempts).containsExactly(
                new AttemptEnded(transfer.clientOid(), 1, AttemptKind.APPLIED, OptionalInt.of(200), Duration.ZERO));
        assertThat(heard.lookups).isEmpty();
        assertThat(heard.resyncs).isEmpty();
        assertThat(heard.calls).containsExactly(
                new CallEnded(transfer.clientOid(), Outcome.APPLIED, CallEnded.ANSWERED, 1, time.elapsed()));
        assertThat(heard.order).containsExactly("permit", "attempt", "call");
    }

    @Test
    void aBusinessRejectionIsARejectedAttemptAndACallRejectedForItsReason() {
        Transfer transfer = spotToFutures();
        answerTransfer(bitget(400, error("43012")));

        thrownBy(TransferRejectedException.class, () -> gateway().transfer(transfer));

        assertThat(heard.attempts).extracting(AttemptEnded::kind, AttemptEnded::httpStatus)
                .containsExactly(tuple(AttemptKind.REJECTED, OptionalInt.of(400)));
        assertThat(heard.lookups).as("a business rejection settles the call without the records").isEmpty();
        assertThat(heard.calls).extracting(CallEnded::outcome, CallEnded::reason, CallEnded::attempts)
                .containsExactly(tuple(Outcome.REJECTED, "insufficient_balance", 1));
    }

    @Test
    void a429ThenSuccessIsARateLimitedThenAnAppliedAttemptInACallTimedOnTheGatewaysClock() {
        Transfer transfer = spotToFutures();
        answerTransferFirst(bitget(429, "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1,\"data\":null}"),
                okJson(success("t-2", transfer.clientOid())));

        gateway().transfer(transfer);

        assertThat(heard.attempts).extracting(AttemptEnded::attempt, AttemptEnded::kind, AttemptEnded::httpStatus)
                .containsExactly(tuple(1, AttemptKind.RATE_LIMITED, OptionalInt.of(429)),
                        tuple(2, AttemptKind.APPLIED, OptionalInt.of(200)));
        assertThat(heard.permits).extracting(PermitWaited::result)
                .containsExactly(PermitResult.GRANTED, PermitResult.GRANTED);
        assertThat(heard.calls).containsExactly(
                new CallEnded(transfer.clientOid(), Outcome.APPLIED, CallEnded.ANSWERED, 2, time.elapsed()));
        // Fake time moves only by the gateway's waits: the backoff, and whatever the permits waited.
        Duration permitWaits = heard.permits.stream().map(PermitWaited::waited).reduce(Duration.ZERO, Duration::plus);
        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(200).plus(permitWaits));
        assertThat(heard.order).containsExactly("permit", "attempt", "permit", "attempt", "call");
    }

    @Test
    void aTimeoutSettledByTheRecordsIsATimedOutAttemptAnAppliedLookupAndACallAppliedByTheRecords() {
        Transfer transfer = spotToFutures();
        answerTransfer(okJson(success("late", transfer.clientOid())).withFixedDelay(1_000));
        server.stubFor(get(urlPathEqualTo(RECORDS_PATH))
                .willReturn(okJson(records(record("Successful", "t-3", transfer.clientOid())))));

        TransferReceipt receipt = gateway(b -> b.readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).jitter(0).build())).transfer(transfer);

        assertThat(receipt.transferId()).isEqualTo("t-3");
        assertThat(heard.attempts).extracting(AttemptEnded::kind, AttemptEnded::httpStatus)
                .containsExactly(tuple(AttemptKind.TIMEOUT, OptionalInt.empty()));
        assertThat(heard.lookups).extracting(SettlementLookedUp::clientOid, SettlementLookedUp::result)
                .containsExactly(tuple(transfer.clientOid(), LookupResult.APPLIED));
        assertThat(heard.calls).extracting(CallEnded::outcome, CallEnded::reason, CallEnded::attempts)
                .containsExactly(tuple(Outcome.APPLIED, CallEnded.RECORDS, 1));
        assertThat(heard.order).containsExactly("permit", "attempt", "lookup", "call");
    }

    @Test
    void serverErrorsThatTheRecordsCannotSettleEndInAnUnknownCallThatMayStillArrive() {
        Transfer transfer = spotToFutures();
        answerTransfer(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>502</html>"));

        thrownBy(TransferOutcomeUnknownException.class, () -> gateway(b -> b.retryPolicy(
                RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(200)).jitter(0).build()))
                .transfer(transfer));

        assertThat(heard.attempts).extracting(AttemptEnded::kind, AttemptEnded::httpStatus).containsOnly(
                tuple(AttemptKind.SERVER_ERROR, OptionalInt.of(502))).hasSize(2);
        assertThat(heard.lookups).extracting(SettlementLookedUp::result).containsExactly(LookupResult.NOT_FOUND);
        assertThat(heard.calls).extracting(CallEnded::outcome, CallEnded::reason)
                .containsExactly(tuple(Outcome.UNKNOWN, CallEnded.MAY_STILL_ARRIVE));
    }

    @Test
    void aClockErrorIsAClockRejectedAttemptThenAResyncToTheServersOffset() {
        Transfer transfer = spotToFutures();
        long offset = 45_000;
        server.stubFor(get(urlEqualTo(TIME_PATH)).willReturn(okJson(
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"serverTime\":\""
                        + (FakeTime.START.toEpochMilli() + offset) + "\"}}")));
        answerTransferFirst(bitget(400, error("40008")), okJson(success("synced", transfer.clientOid())));

        gateway().transfer(transfer);

        assertThat(heard.attempts).extracting(AttemptEnded::kind)
                .containsExactly(AttemptKind.CLOCK_REJECTED, AttemptKind.APPLIED);
        // Fake time does not move during the request, so the server time was read at START exactly.
        assertThat(heard.resyncs).containsExactly(new ClockResynced(true, offset, Duration.ZERO));
        assertThat(heard.order).containsExactly("permit", "attempt", "resync", "permit", "attempt", "call");
    }

    @Test
    void aListenerThatThrowsChangesNothingAndTheNextListenerStillHearsEverything() {
        Transfer transfer = spotToFutures();
        answerTransferFirst(bitget(429, "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1,\"data\":null}"),
                okJson(success("t-4", transfer.clientOid())));
        TransferListener throwing = new TransferListener() {
            @Override
            public void callEnded(CallEnded event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptEnded(AttemptEnded event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void permitWaited(PermitWaited event) {
                throw new AssertionError("listener bug");
            }
        };

        TransferReceipt receipt = WireFixture.gateway(server, time, b -> b.addListener(throwing).addListener(heard))
                .transfer(transfer);

        assertThat(receipt.transferId()).isEqualTo("t-4");
        WireFixture.assertAttempts(server, transfer, 2);
        assertThat(heard.order).containsExactly("permit", "attempt", "permit", "attempt", "call");
    }

    @Test
    void noEventShowsTheSecretThePassphraseTheApiKeyOrASignature() {
        Transfer applied = spotToFutures();
        answerTransferFirst(bitget(400, error("40008")), okJson(success("t-5", applied.clientOid())));
        server.stubFor(get(urlEqualTo(TIME_PATH)).willReturn(okJson(
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"serverTime\":\"1\"}}")));
        BitgetTransferGateway gateway = gateway();
        gateway.transfer(applied);
        server.resetScenarios();
        answerTransfer(aResponse().withStatus(503));
        thrownBy(TransferOutcomeUnknownException.class, () -> gateway.transfer(spotToFutures()));

        List<String> signatures = server.getAllServeEvents().stream()
                .map(served -> served.getRequest().getHeader("ACCESS-SIGN"))
                .filter(sign -> sign != null).toList();
        assertThat(signatures).isNotEmpty();
        assertThat(heard.all).hasSizeGreaterThan(8);
        for (Object event : heard.all) {
            assertThat(event.toString()).doesNotContain(SECRET, PASSPHRASE, API_KEY);
            for (String signature : signatures) {
                assertThat(event.toString()).doesNotContain(signature);
            }
        }
    }

    /** Every event heard, by kind and in order. */
    private static final class Recording implements TransferListener {
        final List<CallEnded> calls = new CopyOnWriteArrayList<>();
        final List<AttemptEnded> attempts = new CopyOnWriteArrayList<>();
        final List<PermitWaited> permits = new CopyOnWriteArrayList<>();
        final List<SettlementLookedUp> lookups = new CopyOnWriteArrayList<>();
        final List<ClockResynced> resyncs = new CopyOnWriteArrayList<>();
        final List<String> order = new CopyOnWriteArrayList<>();
        final List<Object> all = new CopyOnWriteArrayList<>();

        @Override
        public void callEnded(CallEnded event) {
            heard("call", event, calls);
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            heard("attempt", event, attempts);
        }

        @Override
        public void permitWaited(PermitWaited event) {
            heard("permit", event, permits);
        }

        @Override
        public void settlementLookedUp(SettlementLookedUp event) {
            heard("lookup", event, lookups);
        }

        @Override
        public void clockResynced(ClockResynced event) {
            heard("resync", event, resyncs);
        }

        private <E> void heard(String kind, E event, List<E> ofKind) {
            order.add(kind);
            all.add(event);
            ofKind.add(event);
        }
    }
}
