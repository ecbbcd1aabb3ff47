-- The token buckets of the rate limits (bucket4j's PostgreSQL backend, com.bucket4j:bucket4j_jdk17-postgresql):
-- one row per client (an API key, a user, or an address for anonymous calls and failed authentications),
-- so one client's budget is shared by every instance. A request locks its client's row for the few
-- statements of one take (select ... for update). state is the library's serialized bucket; expires_at
-- (epoch milliseconds) is when an idle bucket has refilled and can be deleted without changing anything.
create table rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
