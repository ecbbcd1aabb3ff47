-- The chainer reads the staged entries in staging order; they are few, so a partial index holds only them.
create index audit_event_staged on audit_event (staged_number) where hash is null;
