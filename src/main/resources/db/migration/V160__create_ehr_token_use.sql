-- The jti of every EHR token (CDS Hooks) accepted, kept until the token expires: the primary key is the
-- replay check, shared by every instance. Rows past expires_at are deleted by the application.
create table ehr_token_use (
    issuer     text        not null,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (issuer, jti)
);
