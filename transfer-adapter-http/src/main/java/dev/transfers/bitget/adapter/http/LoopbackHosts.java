package dev.transfers.bitget.adapter.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs keep credentials on this machine when they travel unencrypted: the rule behind
 * {@link BitgetTransferGateway.Builder#allowCleartextCredentialsToNonLoopbackHosts()}. A host is
 * loopback by how it is written, never by a DNS lookup: an IPv4 literal in {@code 127.0.0.0/8},
 * the IPv6 literal {@code ::1} (in any spelling), or the name {@code localhost}. Every other name
 * counts as remote, whatever it resolves to, and so does {@code 0.0.0.0}.
 *
 * <p>Public so that a command line or a configuration layer can apply the same rule to its own
 * options before it builds a gateway.
 */
public final class LoopbackHosts {
    private LoopbackHosts() {
    }

    /** Whether the URL's host is written as a loopback address or {@code localhost}; no network I/O. */
    public static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]") && host.indexOf(':') > 0) {
            try {
                // A string with a colon is only ever parsed as an IPv6 literal, never looked up.
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException notALiteral) {
                return false;
            }
        }
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return Integer.parseInt(octets[0]) == 127;
    }

    /**
     * Whether using the URL as the gateway does would put credentials on the network unencrypted
     * beyond this machine: an {@code http://} base URL (every request carries the API key, the
     * passphrase and a signature that can be replayed) or a {@code redis://} URL with user
     * information (the Redis password), to a host that is not {@linkplain #isLoopback(URI) loopback}.
     * {@code https://} and {@code rediss://} never do.
     */
    public static boolean wouldSendCredentialsInClearText(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean cleartextCredentials = scheme.equals("http")
                || (scheme.equals("redis") && url.getRawUserInfo() != null);
        return cleartextCredentials && !isLoopback(url);
    }
}
