package dev.transfers.bitget.adapter.fake;

import dev.transfers.bitget.domain.RejectionReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault scripted on an {@link InMemoryTransferGateway}: how one coming call ends. It targets the
 * next call of its kind, or the next call for one clientOid; see {@link InMemoryTransferGateway} for
 * when a fault is used and when it waits.
 */
public sealed interface ScriptedFault {

    /** The clientOid it targets, or empty when it targets the next call whatever its clientOid. */
    Optional<String> clientOid();

    /**
     * A transfer ends rejected with this reason, code and message; nothing moves.
     *
     * @param target          the clientOid targeted, or {@code null} for the next transfer
     * @param reason          the rejection's reason
     * @param exchangeCode    the exchange's code, or {@code null}
     * @param exchangeMessage the exchange's message, or {@code null}
     */
    record Reject(String target, RejectionReason reason, String exchangeCode, String exchangeMessage)
            implements ScriptedFault {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<String> clientOid() {
            return Optional.ofNullable(target);
        }
    }

    /**
     * A transfer ends in doubt, after being applied (as when the answer is lost) or not (as when the
     * request is lost).
     *
     * @param target  the clientOid targeted, or {@code null} for the next transfer
     * @param applied whether the transfer is applied before the call ends in doubt
     */
    record OutcomeUnknown(String target, boolean applied) implements ScriptedFault {
        @Override
        public Optional<String> clientOid() {
            return Optional.ofNullable(target);
        }
    }

    /**
     * A transfer waits this long (through the fake's sleeper), then proceeds normally.
     *
     * @param target  the clientOid targeted, or {@code null} for the next transfer
     * @param latency how long it waits
     */
    record Delay(String target, Duration latency) implements ScriptedFault {
        public Delay {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, got " + latency);
            }
        }

        @Override
        public Optional<String> clientOid() {
            return Optional.ofNullable(target);
        }
    }

    /**
     * A history lookup ({@code statusOf}) ends with {@code TransferHistoryUnavailableException}.
     *
     * @param target the clientOid targeted, or {@code null} for the next lookup
     */
    record HistoryUnavailable(String target) implements ScriptedFault {
        @Override
        public Optional<String> clientOid() {
            return Optional.ofNullable(target);
        }
    }
}
