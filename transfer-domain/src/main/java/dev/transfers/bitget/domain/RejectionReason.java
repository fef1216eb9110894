package dev.transfers.bitget.domain;

/** Why a transfer was definitely not applied. */
public enum RejectionReason {
    /** The source account holds less than the amount, or the amount exceeds what may leave it. */
    INSUFFICIENT_BALANCE("the source account's balance is too low for this amount"),
    /** The amount is outside what the exchange allows for one transfer (below a minimum, above a maximum). */
    AMOUNT_OUT_OF_RANGE("the amount is outside the exchange's limits for one transfer"),
    /** The API key, signature or passphrase was refused. */
    AUTHENTICATION("the exchange refused the credentials or the signature"),
    /** The key lacks the permission, the IP is not allowed, or demo and live were mixed. */
    PERMISSION("the API key may not make this transfer from here"),
    /** The request's timestamp was too far from the exchange's clock. */
    CLOCK_SKEW("the request's timestamp was too far from the exchange's clock"),
    /** The exchange found a parameter invalid. */
    INVALID_PARAMETER("the exchange found a parameter invalid"),
    /** The coin or the symbol is unknown or cannot be transferred between these accounts. */
    UNSUPPORTED_COIN_OR_SYMBOL("the coin or symbol cannot be transferred between these accounts"),
    /** The account is frozen. */
    ACCOUNT_FROZEN("the account is frozen"),
    /** Too many requests, and retrying did not get through before the attempts or the deadline ran out. */
    RATE_LIMITED("the exchange's rate limit refused the request"),
    /** No request reached the exchange (connection refused, unknown host, deadline passed before sending). */
    EXCHANGE_UNREACHABLE("no request reached the exchange"),
    /** The exchange refused the transfer for a reason with no category of its own. */
    OTHER("the exchange refused the transfer");

    private final String description;

    RejectionReason(String description) {
        this.description = description;
    }

    /** What this reason means, in plain words. */
    public String description() {
        return description;
    }
}
