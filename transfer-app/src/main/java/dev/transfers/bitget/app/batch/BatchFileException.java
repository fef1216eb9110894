package dev.transfers.bitget.app.batch;

/** The batch file as a whole cannot be used: unreadable, empty, or a missing or wrong header. */
public final class BatchFileException extends Exception {
    private static final long serialVersionUID = 1L;

    BatchFileException(String message) {
        super(message);
    }
}
