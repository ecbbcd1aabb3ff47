-- The purge of expired token ids reads by expiry.
create index ehr_token_use_expires_at on ehr_token_use (expires_at);
