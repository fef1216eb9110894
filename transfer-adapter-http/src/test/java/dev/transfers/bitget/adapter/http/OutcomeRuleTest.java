package dev.transfers.bitget.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfers.bitget.domain.AccountType;
import dev.transfers.bitget.domain.RejectionReason;
import dev.transfers.bitget.domain.TransferQuery;
import dev.transfers.bitget.domain.TransferRecord;
import dev.transfers.bitget.domain.TransferStatus;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule of proof, row by row: what the attempts and the records showed, and how the call ends.
 * No server, no clock.
 */
class OutcomeRuleTest {
    private static final TransferQuery QUERY = new TransferQuery("oid-1", "USDT");
    private static final TransferRecord RECORD = new TransferRecord("tid-rec", "oid-1", AccountType.SPOT,
            AccountType.USDT_FUTURES, new BigDecimal("25.5"), "USDT", null, Instant.EPOCH);

    private static final AttemptResult APPLIED = new AttemptResult.Applied("tid-ans", Optional.empty(), "applied");
    private static final AttemptResult BALANCE = new AttemptResult.Rejected(RejectionReason.INSUFFICIENT_BALANCE,
            "43012", "Insufficient balance", true, "43012");
    private static final AttemptResult AUTH = new AttemptResult.Rejected(RejectionReason.AUTHENTICATION, "40009",
            "sign error", false, "40009");
    private static final AttemptResult LIMITED = new AttemptResult.RateLimited("429", "too many", Optional.empty(),
            "429");
    private static final AttemptResult CLOCK = new AttemptResult.ClockRejected("40008", "expired", "40008");
    private static final AttemptResult REFUSED = new AttemptResult.NotSent(new ConnectException("refused"), "refused");
    private static final AttemptResult DROPPED = new AttemptResult.InDoubt(Optional.empty(), null, "dropped");

    private static final Optional<LookupOutcome> NOT_READ = Optional.empty();
    private static final Optional<LookupOutcome> SUCCESSFUL = seen(new TransferStatus.Applied(RECORD));
    private static final Optional<LookupOutcome> FAILED = seen(new TransferStatus.Failed(RECORD));
    private static final Optional<LookupOutcome> PROCESSING = seen(new TransferStatus.Processing(RECORD));
    private static final Optional<LookupOutcome> NOT_FOUND = seen(new TransferStatus.NotFound(QUERY));
    private static final Optional<LookupOutcome> UNREADABLE = Optional.of(
            new LookupOutcome.Unavailable("HTTP 502", null));

    private static Optional<LookupOutcome> seen(TransferStatus status) {
        return Optional.of(new LookupOutcome.Seen(status, "seen"));
    }

    /** attempts, an earlier call in doubt, the records, the ending, its transferId or reason. */
    static Stream<Arguments> rows() {
        return Stream.of(
                // An answer with a transferId, and a business rejection, settle without the records.
                Arguments.of(List.of(APPLIED), false, NOT_READ, "applied", "tid-ans"),
                Arguments.of(List.of(DROPPED, DROPPED, APPLIED), true, NOT_READ, "applied", "tid-ans"),
                Arguments.of(List.of(BALANCE), false, NOT_READ, "rejected", RejectionReason.INSUFFICIENT_BALANCE),
                Arguments.of(List.of(DROPPED, BALANCE), true, NOT_READ, "rejected",
                        RejectionReason.INSUFFICIENT_BALANCE),
                // A successful record is a receipt, whatever the attempts saw.
                Arguments.of(List.of(LIMITED, LIMITED), false, SUCCESSFUL, "applied", "tid-rec"),
                Arguments.of(List.of(DROPPED, DROPPED), false, SUCCESSFUL, "applied", "tid-rec"),
                Arguments.of(List.of(REFUSED), false, SUCCESSFUL, "applied", "tid-rec"),
                Arguments.of(List.of(), false, SUCCESSFUL, "applied", "tid-rec"),
                // A failed record is a rejection, with the attempts' reason when one was refused.
                Arguments.of(List.of(DROPPED), false, FAILED, "rejected", RejectionReason.OTHER),
                Arguments.of(List.of(AUTH), false, FAILED, "rejected", RejectionReason.AUTHENTICATION),
                // Processing, unreadable or unread records prove nothing.
                Arguments.of(List.of(LIMITED), false, PROCESSING, "unknown", null),
                Arguments.of(List.of(LIMITED), false, UNREADABLE, "unknown", null),
                Arguments.of(List.of(REFUSED), false, UNREADABLE, "unknown", null),
                Arguments.of(List.of(LIMITED), false, NOT_READ, "unknown", null),
                Arguments.of(List.of(), false, UNREADABLE, "unknown", null),
                // Absence is proof only when every attempt was answered without applying or never sent...
                Arguments.of(List.of(LIMITED, LIMITED), false, NOT_FOUND, "rejected", RejectionReason.RATE_LIMITED),
                Arguments.of(List.of(AUTH), false, NOT_FOUND, "rejected", RejectionReason.AUTHENTICATION),
                Arguments.of(List.of(LIMITED, CLOCK), false, NOT_FOUND, "rejected", RejectionReason.CLOCK_SKEW),
                Arguments.of(List.of(REFUSED, REFUSED), false, NOT_FOUND, "rejected",
                        RejectionReason.EXCHANGE_UNREACHABLE),
                Arguments.of(List.of(), false, NOT_FOUND, "rejected", RejectionReason.EXCHANGE_UNREACHABLE),
                // ...never while a request of this call, or of an earlier call in doubt, may still arrive.
                Arguments.of(List.of(DROPPED), false, NOT_FOUND, "unknown", null),
                Arguments.of(List.of(DROPPED, LIMITED, LIMITED), false, NOT_FOUND, "unknown", null),
                Arguments.of(List.of(REFUSED, DROPPED, REFUSED), false, NOT_FOUND, "unknown", null),
                Arguments.of(List.of(LIMITED), true, NOT_FOUND, "unknown", null));
    }

    @ParameterizedTest(name = "{0}, earlier call in doubt {1}, records {2} -> {3} {4}")
    @MethodSource("rows")
    void endsAsTheEvidenceProves(List<AttemptResult> attempts, boolean earlierInDoubt, Optional<LookupOutcome> records,
            String ending, Object detail) {
        OutcomeRule.Decision decision = OutcomeRule.decide(attempts, earlierInDoubt, records);

        switch (ending) {
            case "applied" -> assertThat(decision).isInstanceOfSatisfying(OutcomeRule.Decision.Applied.class,
                    applied -> assertThat(applied.transferId()).isEqualTo(detail));
            case "rejected" -> assertThat(decision).isInstanceOfSatisfying(OutcomeRule.Decision.Rejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo(detail));
            default -> assertThat(decision).isInstanceOf(OutcomeRule.Decision.Unknown.class);
        }
    }

    @ParameterizedTest(name = "{0} needs the records: {1}")
    @MethodSource("lookupRows")
    void theRecordsAreReadUnlessTheAttemptsSettledTheCall(List<AttemptResult> attempts, boolean needed) {
        assertThat(OutcomeRule.needsLookup(attempts)).isEqualTo(needed);
    }

    static Stream<Arguments> lookupRows() {
        return Stream.of(
                Arguments.of(List.of(APPLIED), false),
                Arguments.of(List.of(BALANCE), false),
                Arguments.of(List.of(DROPPED, APPLIED), false),
                Arguments.of(List.of(), true),
                Arguments.of(List.of(AUTH), true),
                Arguments.of(List.of(LIMITED), true),
                Arguments.of(List.of(CLOCK), true),
                Arguments.of(List.of(REFUSED), true),
                Arguments.of(List.of(DROPPED), true));
    }
}
