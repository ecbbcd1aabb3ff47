-- The idempotency mechanism of intake: one event of a source system is taken in once. The same
-- event sent twice finds the first intake (and its plan) instead of making a second one.
create unique index intake_source on intake (source_system, source_id);
