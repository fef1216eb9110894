package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.adapter.http.TransferListener.AttemptKind;
import dev.transfers.bitget.adapter.http.TransferListener.CallEnded;
import dev.transfers.bitget.adapter.http.TransferListener.LookupResult;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How attempts, lookups and outcomes become the listeners' low-cardinality values, and how failures are contained. */
class TransferEventsTest {

    @Test
    void eachAttemptResultHasItsKind() {
        assertThat(TransferEvents.kindOf(new AttemptResult.Applied("1", Optional.empty(), "ok"), OptionalInt.of(200)))
                .isEqualTo(AttemptKind.APPLIED);
        assertThat(TransferEvents.kindOf(new AttemptResult.Rejected(RejectionReason.PERMISSION, "40014", "no", false,
                "refused"), OptionalInt.of(400))).isEqualTo(AttemptKind.REJECTED);
        assertThat(TransferEvents.kindOf(new AttemptResult.RateLimited("429", "slow", Optional.empty(), "429"),
                OptionalInt.of(429))).isEqualTo(AttemptKind.RATE_LIMITED);
        assertThat(TransferEvents.kindOf(new AttemptResult.ClockRejected("40008", "late", "clock"),
                OptionalInt.of(400))).isEqualTo(AttemptKind.CLOCK_REJECTED);
        assertThat(TransferEvents.kindOf(new AttemptResult.NotSent(new ConnectException("refused"), "refused"),
                OptionalInt.empty())).isEqualTo(AttemptKind.NOT_SENT);
    }

    @Test
    void anInDoubtAttemptIsATimeoutAServerErrorALostConnectionOrAnUnclearAnswer() {
        assertThat(TransferEvents.kindOf(inDoubt(new SocketTimeoutException("timeout")), OptionalInt.empty()))
                .isEqualTo(AttemptKind.TIMEOUT);
        assertThat(TransferEvents.kindOf(inDoubt(null), OptionalInt.of(503))).isEqualTo(AttemptKind.SERVER_ERROR);
        assertThat(TransferEvents.kindOf(inDoubt(new IOException("reset")), OptionalInt.empty()))
                .isEqualTo(AttemptKind.CONNECTION_LOST);
        assertThat(TransferEvents.kindOf(inDoubt(null), OptionalInt.of(200))).isEqualTo(AttemptKind.UNCLEAR_ANSWER);
    }

    @Test
    void anUnknownOutcomeIsExplainedByWhatTheRecordsSaid() {
        assertThat(TransferEvents.unknownReason(Optional.empty())).isEqualTo(CallEnded.RECORDS_NOT_READ);
        assertThat(TransferEvents.unknownReason(Optional.of(new LookupOutcome.Unavailable("down", null))))
                .isEqualTo(CallEnded.RECORDS_UNAVAILABLE);
        assertThat(TransferEvents.unknownReason(Optional.of(seen(new TransferStatus.NotFound(query())))))
                .isEqualTo(CallEnded.MAY_STILL_ARRIVE);
    }

    @Test
    void anAppliedCallIsAnsweredWhenAnAttemptSaidSoAndOtherwiseShownByTheRecords() {
        assertThat(TransferEvents.appliedReason(List.of(inDoubt(null),
                new AttemptResult.Applied("1", Optional.empty(), "ok")))).isEqualTo(CallEnded.ANSWERED);
        assertThat(TransferEvents.appliedReason(List.of(inDoubt(null)))).isEqualTo(CallEnded.RECORDS);
    }

    @Test
    void aLookupThatFoundNothingIsNotFound() {
        assertThat(TransferEvents.resultOf(seen(new TransferStatus.NotFound(query())))).isEqualTo(LookupResult.NOT_FOUND);
        assertThat(TransferEvents.resultOf(new LookupOutcome.Unavailable("down", null)))
                .isEqualTo(LookupResult.UNAVAILABLE);
    }

    @Test
    void aListenerThatKeepsFailingIsToldEveryEventAndNeverStopsTheOthers() {
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger healthy = new AtomicInteger();
        TransferEvents events = new TransferEvents(List.of(new TransferListener() {
            @Override
            public void attemptEnded(TransferListener.AttemptEnded event) {
                failing.incrementAndGet();
                throw new IllegalStateException("bug");
            }
        }, new TransferListener() {
            @Override
            public void attemptEnded(TransferListener.AttemptEnded event) {
                healthy.incrementAndGet();
            }
        }), Clock.systemUTC());

        for (int attempt = 1; attempt <= 3; attempt++) {
            events.attemptEnded("oid-1", attempt, inDoubt(null), OptionalInt.of(502), Instant.now());
        }

        assertThat(failing).hasValue(3);
        assertThat(healthy).hasValue(3);
    }

    private static AttemptResult.InDoubt inDoubt(Throwable cause) {
        return new AttemptResult.InDoubt(Optional.empty(), cause, "in doubt");
    }

    private static LookupOutcome.Seen seen(TransferStatus status) {
        return new LookupOutcome.Seen(status, "seen");
    }

    private static TransferQuery query() {
        return new TransferQuery("oid-1", "USDT");
    }
}
