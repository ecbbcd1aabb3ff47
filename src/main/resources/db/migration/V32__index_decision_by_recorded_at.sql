-- Replay reads the newest decisions first, a page at a time, by (recorded_at, id): this index makes
-- each page a range scan instead of a sort of the whole decision table.
create index decision_by_recorded_at on decision (recorded_at desc, id desc);
