package app.baton.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the token buckets of {@link RateLimits} live: one handle per client, on a store every instance shares. */
interface RateLimitBuckets {

    /**
     * The bucket of this client.
     *
     * @param exact every take goes to the store (the addresses of anonymous calls and failed authentications,
     *              where one more bcrypt check is the cost of being late); otherwise an instance may take a
     *              few tokens locally between synchronizations (API keys and users, so that a decision does
     *              not wait for a rate-limit round trip every time)
     */
    Bucket bucket(String client, BucketConfiguration configuration, boolean exact);
}
