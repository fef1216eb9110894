package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.RejectionReason;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bitget's error codes for the transfer endpoint, grouped by what they say about the transfer
 * (the table in {@code bitget/REFERENCE.md}). Codes not listed are handled by
 * {@link ResponseClassifier} from the HTTP status.
 */
enum BitgetErrorCode {
    /** The credentials or the signature were refused before the transfer was looked at. */
    AUTHENTICATION(Handling.REFUSED_REQUEST, RejectionReason.AUTHENTICATION,
            "40001", "40002", "40003", "40006", "40009", "40011", "40012", "40036", "40037"),
    /** The key may not do this from here (permission, IP, demo vs live). */
    PERMISSION(Handling.REFUSED_REQUEST, RejectionReason.PERMISSION, "40014", "40018", "40038", "40099"),
    /** The timestamp was refused: resynchronise the clock and retry once. */
    CLOCK(Handling.CLOCK_SKEW, RejectionReason.CLOCK_SKEW, "40005", "40008"),
    /** A parameter of the (byte-identical) body was refused. */
    PARAMETER(Handling.REJECTED_TRANSFER, RejectionReason.INVALID_PARAMETER,
            "40007", "40017", "40019", "40020", "40034", "40305"),
    BALANCE(Handling.REJECTED_TRANSFER, RejectionReason.INSUFFICIENT_BALANCE, "43012", "40754", "50052"),
    AMOUNT(Handling.REJECTED_TRANSFER, RejectionReason.AMOUNT_OUT_OF_RANGE, "43117", "40799"),
    COIN_OR_SYMBOL(Handling.REJECTED_TRANSFER, RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL,
            "43129", "50059", "13002", "40102", "43048", "50002", "50003"),
    ACCOUNT(Handling.REJECTED_TRANSFER, RejectionReason.ACCOUNT_FROZEN, "43136"),
    /** Too many requests: nothing applied; retry after a backoff. */
    RATE_LIMIT(Handling.RATE_LIMITED, RejectionReason.RATE_LIMITED, "429"),
    /**
     * "System abnormal", timeouts and "in progress": the transfer may have been applied; retrying
     * with the same clientOid tells which.
     */
    IN_DOUBT(Handling.IN_DOUBT, null, "40015", "40010", "40909", "43137", "40910", "40908", "42013");

    /** What a code means for the transfer and for retrying. */
    enum Handling {
        /** This request was refused as a request; it proves nothing about earlier attempts. */
        REFUSED_REQUEST,
        /** The exchange looked at this transfer and refused it; a replay of the clientOid would too. */
        REJECTED_TRANSFER,
        CLOCK_SKEW,
        RATE_LIMITED,
        IN_DOUBT
    }

    private static final Map<String, BitgetErrorCode> BY_CODE = Stream.of(values())
            .flatMap(family -> family.codes.stream().map(code -> Map.entry(code, family)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final Handling handling;
    private final RejectionReason reason;
    private final Set<String> codes;

    BitgetErrorCode(Handling handling, RejectionReason reason, String... codes) {
        this.handling = handling;
        this.reason = reason;
        this.codes = Set.of(codes);
    }

    static Optional<BitgetErrorCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Every code listed, for tests that walk the table. */
    static Map<String, BitgetErrorCode> all() {
        return BY_CODE;
    }

    Handling handling() {
        return handling;
    }

    /** The rejection reason when this code ends the transfer as rejected; {@code null} for in-doubt codes. */
    RejectionReason reason() {
        return reason;
    }
}
