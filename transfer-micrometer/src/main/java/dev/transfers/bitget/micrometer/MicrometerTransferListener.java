package dev.transfers.bitget.micrometer;

import dev.transfers.bitget.adapter.http.BitgetTransferGateway;
import dev.transfers.bitget.adapter.http.TransferListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TransferListener} that records what a {@link BitgetTransferGateway} does as Micrometer
 * meters. Attach it by hand:
 *
 * <pre>{@code
 * MeterRegistry registry = ...;   // your application's
 * BitgetTransferGateway gateway = BitgetTransferGateway.builder()
 *         .credentials(credentials)
 *         .addListener(new MicrometerTransferListener(registry))
 *         .build();
 * }</pre>
 *
 * <p>The meters (tags in brackets; every tag has few values, and no meter is ever tagged with a
 * clientOid, an amount, a coin or a credential):
 * <ul>
 *   <li>{@value #CALLS} timer [{@code outcome}, {@code reason}]: each {@code transfer} call, from its
 *       start to its end, records read;</li>
 *   <li>{@value #CALL_ATTEMPTS} distribution summary [{@code outcome}]: requests sent per call;</li>
 *   <li>{@value #ATTEMPTS} timer [{@code result}, {@code status}]: each request sent, from sending to
 *       its answer read ({@code status} is the HTTP status, or {@code none});</li>
 *   <li>{@value #PERMIT_WAIT} timer [{@code result}]: each wait for the client-side rate limit;</li>
 *   <li>{@value #SETTLEMENT_LOOKUPS} timer [{@code result}]: each reading of the transfer records to
 *       settle a call;</li>
 *   <li>{@value #CLOCK_RESYNCS} counter [{@code result}]: each reading of Bitget's server time after a
 *       refused timestamp;</li>
 *   <li>{@value #CLOCK_OFFSET} gauge: the clock offset last measured, in milliseconds.</li>
 * </ul>
 * Tag values are lower case: the {@code outcome} is {@code applied}, {@code rejected} or
 * {@code unknown}; {@code reason}, {@code result} as {@link TransferListener} documents them.
 *
 * <p>One instance may listen to several gateways: their meters add up. To tell gateways apart,
 * give each a listener with a tag of its own ({@code Tags.of("gateway", "treasury")}). Make one
 * listener per registry and set of tags: a second one with the same tags shares the first one's
 * meters, but its clock offset does not show (the registry keeps the first gauge). Thread safe;
 * each event costs a few map look-ups in the registry and never blocks.
 */
public final class MicrometerTransferListener implements TransferListener {
    /** Timer of transfer calls. */
    public static final String CALLS = "bitget.transfer.calls";
    /** Distribution summary of requests sent per call. */
    public static final String CALL_ATTEMPTS = "bitget.transfer.call.attempts";
    /** Timer of attempts (requests sent). */
    public static final String ATTEMPTS = "bitget.transfer.attempts";
    /** Timer of waits for the client-side rate limit. */
    public static final String PERMIT_WAIT = "bitget.transfer.permit.wait";
    /** Timer of transfer-records lookups that settle a call. */
    public static final String SETTLEMENT_LOOKUPS = "bitget.transfer.settlement.lookups";
    /** Counter of clock resyncs. */
    public static final String CLOCK_RESYNCS = "bitget.transfer.clock.resyncs";
    /** Gauge of the clock offset to Bitget, in milliseconds. */
    public static final String CLOCK_OFFSET = "bitget.transfer.clock.offset";
    /** The {@code status} tag of an attempt that got no HTTP answer. */
    public static final String NO_STATUS = "none";

    private final Meter.MeterProvider<Timer> calls;
    private final Meter.MeterProvider<DistributionSummary> callAttempts;
    private final Meter.MeterProvider<Timer> attempts;
    private final Meter.MeterProvider<Timer> permitWaits;
    private final Meter.MeterProvider<Timer> settlementLookups;
    private final Meter.MeterProvider<Counter> clockResyncs;
    private final AtomicLong clockOffsetMillis = new AtomicLong();

    /** Meters in {@code registry}, with no tags but their own. */
    public MicrometerTransferListener(MeterRegistry registry) {
        this(registry, Tags.empty());
    }

    /**
     * Meters in {@code registry}, each also tagged with {@code tags} (such as the name of the
     * gateway, to tell several apart; keep their values few).
     */
    public MicrometerTransferListener(MeterRegistry registry, Iterable<Tag> tags) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(tags, "tags");
        this.calls = Timer.builder(CALLS).tags(tags)
                .description("Transfer calls, from start to outcome, by outcome and reason")
                .withRegistry(registry);
        this.callAttempts = DistributionSummary.builder(CALL_ATTEMPTS).tags(tags).baseUnit("requests")
                .description("Requests sent per transfer call, by outcome")
                .withRegistry(registry);
        this.attempts = Timer.builder(ATTEMPTS).tags(tags)
                .description("Transfer requests sent, from sending to the answer read, by result and HTTP status")
                .withRegistry(registry);
        this.permitWaits = Timer.builder(PERMIT_WAIT).tags(tags)
                .description("Waits for the client-side rate limit before a transfer request, by result")
                .withRegistry(registry);
        this.settlementLookups = Timer.builder(SETTLEMENT_LOOKUPS).tags(tags)
                .description("Readings of the transfer records to settle a transfer call, by what they said")
                .withRegistry(registry);
        this.clockResyncs = Counter.builder(CLOCK_RESYNCS).tags(tags).baseUnit("resyncs")
                .description("Readings of Bitget's server time after a refused timestamp, by result")
                .withRegistry(registry);
        Gauge.builder(CLOCK_OFFSET, clockOffsetMillis, AtomicLong::get).tags(tags).baseUnit("milliseconds")
                .description("Bitget's clock minus the local clock, as last measured (0 until measured)")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void callEnded(CallEnded event) {
        String outcome = tagValue(event.outcome());
        calls.withTags("outcome", outcome, "reason", event.reason()).record(event.duration());
        callAttempts.withTags("outcome", outcome).record(event.attempts());
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        String status = event.httpStatus().isPresent() ? Integer.toString(event.httpStatus().getAsInt()) : NO_STATUS;
        attempts.withTags("result", tagValue(event.kind()), "status", status).record(event.duration());
    }

    @Override
    public void permitWaited(PermitWaited event) {
        permitWaits.withTags("result", tagValue(event.result())).record(event.waited());
    }

    @Override
    public void settlementLookedUp(SettlementLookedUp event) {
        settlementLookups.withTags("result", tagValue(event.result())).record(event.duration());
    }

    @Override
    public void clockResynced(ClockResynced event) {
        clockResyncs.withTags("result", event.succeeded() ? "succeeded" : "failed").increment();
        clockOffsetMillis.set(event.offsetMillis());
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
