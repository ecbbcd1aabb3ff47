-- People who log in (form login or HTTP Basic). Only a password hash is kept ({bcrypt}...,
-- Spring's DelegatingPasswordEncoder format, so the algorithm can change without a migration).
-- roles and locations bound what a user may do and see ('*' in locations: every location).
-- failed_attempts and locked_until are the lock-out after repeated wrong passwords.
create table app_user (
    id              uuid primary key,
    username        text        not null,
    password_hash   text        not null,
    roles           text[]      not null,
    locations       text[]      not null,
    enabled         boolean     not null default true,
    failed_attempts integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);
