package dev.transfers.archfixture.adapter.http.redis;

import io.github.bucket4j.Bucket;

/** Breaks "Bucket4j appears only in the HTTP adapter, not in its Redis module": the fleet's limit is a Lua script. */
public class RedisModuleUsingBucket4j {
    public Bucket bucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(1).refillIntervally(1, java.time.Duration.ofSeconds(1)))
                .build();
    }
}
