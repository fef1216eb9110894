package dev.transfers.archfixture.adapter.http;

import io.lettuce.core.RedisClient;

/** Breaks "the Redis client appears only in the Redis module": the HTTP adapter itself pulls no Redis client. */
public class HttpAdapterUsingLettuce {
    public RedisClient redis() {
        return RedisClient.create();
    }
}
