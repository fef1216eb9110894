package dev.transfers.bitget.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clientOids whose last call through this gateway ended in doubt, so that a repeat of one
 * is not reported "not applied" on an answer that says nothing about the earlier call (a 429, a
 * refused connection, an authentication error): only a receipt, or a business rejection that
 * the exchange gives after looking the clientOid up, settles it. Bounded: the oldest entries are
 * forgotten first.
 */
final class InDoubtClientOids {
    private final Map<String, Boolean> clientOids;

    InDoubtClientOids(int capacity) {
        this.clientOids = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String clientOid) {
        clientOids.put(clientOid, Boolean.TRUE);
    }

    synchronized void forget(String clientOid) {
        clientOids.remove(clientOid);
    }

    synchronized boolean contains(String clientOid) {
        return clientOids.containsKey(clientOid);
    }
}
