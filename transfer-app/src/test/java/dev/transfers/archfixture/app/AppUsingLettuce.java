package dev.transfers.archfixture.app;

import io.lettuce.core.RedisURI;

/** Breaks "the Redis client appears only in the Redis module": the app passes a URI, not a client. */
public class AppUsingLettuce {
    public RedisURI redis() {
        return RedisURI.create("redis://127.0.0.1:6379");
    }
}
