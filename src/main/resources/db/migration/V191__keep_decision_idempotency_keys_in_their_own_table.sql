-- A partitioned table can only have unique indexes that contain its partition key, so once decision is
-- partitioned by recorded_at (V192) an index on idempotency_key alone could no longer say "once". The keys move
-- to a table of their own, not partitioned, whose primary key is the idempotency key: a decision with a key is
-- inserted only if its key row was (Decisions), in one statement, so a retry still finds the first decision.
-- recorded_at is the decision's, so the lookup goes to its partition, and retention removes the keys of the
-- months it drops.
create table decision_request_key (
    idempotency_key text        primary key,
    decision_id     uuid        not null,
    recorded_at     timestamptz not null
);

insert into decision_request_key (idempotency_key, decision_id, recorded_at)
select idempotency_key, id, recorded_at from decision where idempotency_key is not null;

create index decision_request_key_by_recorded_at on decision_request_key (recorded_at);
