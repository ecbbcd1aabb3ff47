-- The order in which entries were staged: the chainer links committed staged entries in this order,
-- and reports break ties with it. It is not part of the hash and may have gaps (rolled-back
-- transactions); the chain's sequence_number is what has none.
alter table audit_event add column staged_number bigint generated always as identity;
alter table audit_event add constraint audit_event_staged_number_unique unique (staged_number);
