package dev.transfers.bitget.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.transfers.bitget.adapter.fake.simulator.SimulatedBitget;
import dev.transfers.bitget.adapter.http.BitgetCredentials;
import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.RetryPolicy;
import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.Holding;
import dev.transfers.bitget.domain.Transfer;
import dev.transfers.bitget.domain.TransferOutcomeUnknownException;
import dev.transfers.bitget.domain.TransferRejectedException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters of a real gateway that talks HTTP to a simulated Bitget on loopback. */
class MicrometerTransferListenerTest {
    private static final String API_KEY = "micrometer-key-" + UUID.randomUUID();
    private static final String SECRET = "micrometer-secret-do-not-tag-5e1";
    private static final String PASSPHRASE = "micrometer-passphrase-do-not-tag-2b9";
    private static final Holding SPOT_USDT = Holding.of(AccountType.SPOT, "USDT");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SimulatedBitget exchange;

    @AfterEach
    void stopTheExchange() {
        if (exchange != null) {
            exchange.close();
        }
    }

    private BitgetTransferGateway gateway(UnaryOperator<SimulatedBitget.Builder> simulator,
            UnaryOperator<BitgetTransferGateway.Builder> tweaks) {
        exchange = simulator.apply(SimulatedBitget.builder()
                .credentials(SimulatedBitget.Credentials.live(API_KEY, SECRET, PASSPHRASE, "uid-" + UUID.randomUUID())))
                .start();
        exchange.seedBalance(SPOT_USDT, new BigDecimal("100"));
        return tweaks.apply(BitgetTransferGateway.builder()
                .baseUrl(exchange.baseUri())
                .credentials(BitgetCredentials.hmac(API_KEY, SECRET, PASSPHRASE))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(20)).jitter(0).build())
                .addListener(new MicrometerTransferListener(registry, Tags.of("gateway", "treasury"))))
                .build();
    }

    private BitgetTransferGateway gateway() {
        return gateway(UnaryOperator.identity(), UnaryOperator.identity());
    }

    private static Transfer spotToFutures(String amount) {
        return Transfer.builder().from(AccountType.SPOT).to(AccountType.USDT_FUTURES).amount(new BigDecimal(amount))
                .coin("USDT").build();
    }

    private Timer timer(String name, String... tags) {
        return registry.get(name).tags("gateway", "treasury").tags(tags).timer();
    }

    @Test
    void anAppliedTransferIsOneAnsweredCallOneAppliedAttemptAndOneGrantedPermit() {
        gateway().transfer(spotToFutures("10"));

        assertThat(timer(MicrometerTransferListener.CALLS, "outcome", "applied", "reason", "answered").count())
                .isEqualTo(1);
        assertThat(timer(MicrometerTransferListener.ATTEMPTS, "result", "applied", "status", "200").count())
                .isEqualTo(1);
        assertThat(timer(MicrometerTransferListener.PERMIT_WAIT, "result", "granted").count()).isEqualTo(1);
        assertThat(registry.get(MicrometerTransferListener.CALL_ATTEMPTS).tags("outcome", "applied").summary()
                .totalAmount()).isEqualTo(1);
        assertThat(registry.find(MicrometerTransferListener.SETTLEMENT_LOOKUPS).meters()).isEmpty();
        assertThat(registry.get(MicrometerTransferListener.CALLS).meter().getId().getDescription()).isNotBlank();
        assertThat(registry.get(MicrometerTransferListener.CALLS).meter().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void a429ThenSuccessCountsBothAttemptsByResultAndStatus() {
        BitgetTransferGateway gateway = gateway();
        exchange.faults().tooManyRequests();

        gateway.transfer(spotToFutures("10"));

        assertThat(timer(MicrometerTransferListener.ATTEMPTS, "result", "rate_limited", "status", "429").count())
                .isEqualTo(1);
        assertThat(timer(MicrometerTransferListener.ATTEMPTS, "result", "applied", "status", "200").count())
                .isEqualTo(1);
        assertThat(timer(MicrometerTransferListener.PERMIT_WAIT, "result", "granted").count()).isEqualTo(2);
        assertThat(registry.get(MicrometerTransferListener.CALL_ATTEMPTS).tags("outcome", "applied").summary()
                .totalAmount()).isEqualTo(2);
    }

    @Test
    void aRejectionIsTaggedWithItsReason() {
        catchThrowableOfType(TransferRejectedException.class, () -> gateway().transfer(spotToFutures("1000")));

        assertThat(timer(MicrometerTransferListener.CALLS, "outcome", "rejected", "reason", "insufficient_balance")
                .count()).isEqualTo(1);
        assertThat(timer(MicrometerTransferListener.ATTEMPTS, "result", "rejected").count()).isEqualTo(1);
    }

    @Test
    void serverErrorsLeaveTheCallUnknownAfterALookupThatFoundNothing() {
        BitgetTransferGateway gateway = gateway();
        exchange.faults().htmlError(502).htmlError(502).htmlError(502);

        TransferOutcomeUnknownException unknown = catchThrowableOfType(TransferOutcomeUnknownException.class,
                () -> gateway.transfer(spotToFutures("10")));

        assertThat(unknown).isNotNull();
        assertThat(timer(MicrometerTransferListener.ATTEMPTS, "result", "server_error", "status", "502").count())
                .isEqualTo(3);
        assertThat(timer(MicrometerTransferListener.SETTLEMENT_LOOKUPS, "result", "not_found").count()).isEqualTo(1);
        assertThat(timer(MicrometerTransferListener.CALLS, "outcome", "unknown", "reason", "may_still_arrive").count())
                .isEqualTo(1);
    }

    @Test
    void aRefusedTimestampCountsAResyncAndShowsTheOffsetMeasured() {
        // Both clocks stand still, so the offset measured is exactly the simulator's.
        Clock frozen = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        BitgetTransferGateway gateway = gateway(sim -> sim.clock(frozen), b -> b.clock(frozen));
        exchange.clockOffset(Duration.ofMinutes(2));

        gateway.transfer(spotToFutures("10"));

        assertThat(registry.get(MicrometerTransferListener.CLOCK_RESYNCS).tags("result", "succeeded").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(MicrometerTransferListener.CLOCK_OFFSET).gauge().value()).isEqualTo(120_000);
        assertThat(timer(MicrometerTransferListener.ATTEMPTS, "result", "clock_rejected").count()).isEqualTo(1);
    }

    @Test
    void noMeterNameOrTagHoldsACredentialOrAClientOid() {
        BitgetTransferGateway gateway = gateway();
        List<String> clientOids = new ArrayList<>();
        exchange.faults().tooManyRequests().htmlError(503);
        for (String amount : List.of("10", "1000", "20")) {
            Transfer transfer = spotToFutures(amount);
            clientOids.add(transfer.clientOid());
            try {
                gateway.transfer(transfer);
            } catch (TransferRejectedException | TransferOutcomeUnknownException expected) {
                // Either way, the meters are what is checked.
            }
        }

        assertThat(registry.getMeters()).hasSizeGreaterThan(5);
        for (Meter meter : registry.getMeters()) {
            List<String> shown = new ArrayList<>(List.of(meter.getId().getName()));
            for (Tag tag : meter.getId().getTags()) {
                shown.add(tag.getKey());
                shown.add(tag.getValue());
            }
            for (String text : shown) {
                assertThat(text).doesNotContain(SECRET).doesNotContain(PASSPHRASE).doesNotContain(API_KEY);
                for (String clientOid : clientOids) {
                    assertThat(text).doesNotContain(clientOid);
                }
            }
        }
    }
}
