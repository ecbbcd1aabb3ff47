-- Receivers of webhooks, managed by administrators. secret is the HMAC-SHA256 key that signs every
-- delivery; Baton must keep it to sign, so it is stored as given (it is shown to the administrator
-- once, at creation). A disabled endpoint gets no new deliveries and stays for the delivery history.
create table webhook_endpoint (
    id          uuid primary key,
    url         text        not null,
    kinds       text[]      not null,
    secret      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    disabled_at timestamptz,
    disabled_by text
);
