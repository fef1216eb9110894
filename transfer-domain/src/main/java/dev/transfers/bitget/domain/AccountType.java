package dev.transfers.bitget.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seven Bitget account types between which assets can be transferred, with their wire codes. */
public enum AccountType {
    /** The spot account ({@code spot}). */
    SPOT("spot"),
    /** The P2P (funding) account ({@code p2p}). */
    P2P("p2p"),
    /** Coin-margined futures ({@code coin_futures}). */
    COIN_FUTURES("coin_futures"),
    /** USDT-margined futures ({@code usdt_futures}). */
    USDT_FUTURES("usdt_futures"),
    /** USDC-margined futures ({@code usdc_futures}). */
    USDC_FUTURES("usdc_futures"),
    /** Cross margin ({@code crossed_margin}). */
    CROSSED_MARGIN("crossed_margin"),
    /** Isolated margin, kept per trading pair ({@code isolated_margin}): a transfer names the symbol. */
    ISOLATED_MARGIN("isolated_margin");

    private static final List<AccountType> ALL = List.of(values());

    private final String wireCode;

    AccountType(String wireCode) {
        this.wireCode = wireCode;
    }

    /** The code Bitget uses for this account type in {@code fromType} and {@code toType}. */
    public String wireCode() {
        return wireCode;
    }

    /** The wire codes of every account type, comma separated, for messages. */
    public static String validWireCodes() {
        return ALL.stream().map(AccountType::wireCode).collect(Collectors.joining(", "));
    }

    /** The account type with exactly this wire code, if any (codes are lower case). */
    public static Optional<AccountType> findByWireCode(String wireCode) {
        return Arrays.stream(values()).filter(type -> type.wireCode.equals(wireCode)).findFirst();
    }

    /**
     * The account type with exactly this wire code.
     *
     * @throws InvalidTransferException naming the valid codes when there is none
     */
    public static AccountType fromWireCode(String wireCode) {
        return findByWireCode(wireCode).orElseThrow(() -> new InvalidTransferException(
                List.of(new InvalidTransferException.Violation("accountType", unknownCodeMessage(wireCode)))));
    }

    static String unknownCodeMessage(String wireCode) {
        return "must be one of " + validWireCodes() + ", not " + Quoting.quote(wireCode);
    }

    @Override
    public String toString() {
        return wireCode;
    }
}
