-- The idempotency mechanism: a requestId (or Idempotency-Key) is recorded once; a retry finds
-- the first decision instead of making a second one.
create unique index decision_idempotency_key on decision (idempotency_key) where idempotency_key is not null;
