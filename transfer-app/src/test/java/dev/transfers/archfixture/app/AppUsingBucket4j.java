package dev.transfers.archfixture.app;

import io.github.bucket4j.Bucket;

/** Breaks "Bucket4j appears only in the HTTP adapter": the app chooses a limiter, it does not build buckets. */
public class AppUsingBucket4j {
    public Bucket bucket() {
        return Bucket.builder().build();
    }
}
