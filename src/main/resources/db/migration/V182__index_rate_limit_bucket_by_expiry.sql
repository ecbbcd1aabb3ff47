-- Each instance deletes idle buckets once a minute (those whose expires_at has passed), a page at a time.
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
