package dev.transfers.bitget.adapter.http;

import dev.transfers.bitget.domain.RejectionReason;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The error table of bitget/REFERENCE.md, written out again by hand so that the tests check the
 * adapter's mapping against the document rather than against itself.
 */
final class ReferenceCodes {
    private ReferenceCodes() {
    }

    /** Codes that mean "not applied", with the reason the port must report. */
    static Stream<Arguments> rejections() {
        return Stream.of(
                reject(RejectionReason.AUTHENTICATION, "40001", "40002", "40003", "40006", "40009", "40011", "40012",
                        "40036", "40037"),
                reject(RejectionReason.PERMISSION, "40014", "40018", "40038", "40099"),
                reject(RejectionReason.INVALID_PARAMETER, "40007", "40017", "40019", "40020", "40034", "40305"),
                reject(RejectionReason.INSUFFICIENT_BALANCE, "43012", "40754", "50052"),
                reject(RejectionReason.AMOUNT_OUT_OF_RANGE, "43117", "40799"),
                reject(RejectionReason.UNSUPPORTED_COIN_OR_SYMBOL, "43129", "50059", "13002", "40102", "43048", "50002",
                        "50003"),
                reject(RejectionReason.ACCOUNT_FROZEN, "43136"))
                .flatMap(s -> s);
    }

    /** Codes after which the transfer may have been applied: retried with the same clientOid. */
    static Stream<String> inDoubt() {
        return Stream.of("40015", "40010", "40909", "43137", "40910", "40908", "42013");
    }

    static Stream<String> clock() {
        return Stream.of("40005", "40008");
    }

    private static Stream<Arguments> reject(RejectionReason reason, String... codes) {
        return Stream.of(codes).map(code -> Arguments.of(code, reason));
    }
}
