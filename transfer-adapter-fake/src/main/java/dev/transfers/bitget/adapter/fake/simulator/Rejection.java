package dev.transfers.bitget.adapter.fake.simulator;

/** A request the simulator refuses with a Bitget code; nothing was applied. Stackless: it is control flow. */
final class Rejection extends RuntimeException {
    private final int httpStatus;
    private final String code;

    Rejection(int httpStatus, String code, String msg) {
        super(msg, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static Rejection badRequest(String code, String msg) {
        return new Rejection(400, code, msg);
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }
}
