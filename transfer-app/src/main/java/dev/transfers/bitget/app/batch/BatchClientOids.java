package dev.transfers.bitget.app.batch;

import dev.transfers.bitget.domain.Transfer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Derives the clientOid of a batch row that has none, so that running the same file again, or the
 * file with a failed row corrected, never applies a transfer twice: the exchange answers a repeated
 * clientOid with the first transfer's result.
 *
 * <p>The rule: {@code "b-"} followed by the first 62 hex digits of SHA-256 over the UTF-8 text
 * {@code "bitget-transfer batch v1"}, the file's name (not its directory), the row's normalised fields
 * (from and to wire codes, amount without trailing zeros, coin, symbol or empty) and the occurrence
 * number of that same normalised transfer among the file's rows without a clientOid (1 for the first),
 * separated by U+001F. The result is 64 characters of {@code [0-9a-f-b]}, within the domain's
 * clientOid alphabet. Line numbers are not part of it, so inserting, removing or reordering other
 * rows changes no key; two identical rows are two transfers (occurrence 1 and 2).
 */
public final class BatchClientOids {
    static final String PREFIX = "b-";
    private static final String VERSION = "bitget-transfer batch v1";
    private static final char SEPARATOR = '\u001f';

    private final String fileName;
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** Keys for the rows of the file with this name (only its last path element counts). */
    public BatchClientOids(String fileName) {
        this.fileName = fileName;
    }

    /** The key of the next row that has no clientOid, given its parsed transfer. */
    public String next(Transfer transfer) {
        String fields = String.join(String.valueOf(SEPARATOR), normalised(transfer));
        int occurrence = occurrences.merge(fields, 1, Integer::sum);
        return derive(fileName, fields, occurrence);
    }

    static List<String> normalised(Transfer transfer) {
        return List.of(transfer.from().wireCode(), transfer.to().wireCode(),
                transfer.amount().stripTrailingZeros().toPlainString(), transfer.coin(),
                transfer.symbol() == null ? "" : transfer.symbol());
    }

    private static String derive(String fileName, String fields, int occurrence) {
        String input = VERSION + SEPARATOR + fileName + SEPARATOR + fields + SEPARATOR + occurrence;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, Transfer.MAX_CLIENT_OID_LENGTH - PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
