-- A decision's idempotency key is claimed and looked up in decision_request_key (V191), whose primary key is the key;
-- nothing reads decision by idempotency_key any more, and the index cost every recorded decision an entry.
drop index decision_by_idempotency_key;
