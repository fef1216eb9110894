package dev.transfers.archfixture.app;

import io.lettuce.core.RedisURI;

/** Breaks "the Redis client and Bucket4j appear only in the HTTP adapter": the app passes a URI, not a client. */
public class AppUsingLettuce {
    public RedisURI redis() {
        return RedisURI.create("redis://127.0.0.1:6379");
    }
}
