-- decision becomes a table partitioned by month of recorded_at, so that a month is created ahead and an old month
-- exported and dropped whole (docs/operations.md, "Partitions and retention"). The existing rows move across:
-- the old table is renamed, a partitioned one with the same columns, checks and defaults takes its name, a
-- partition is made for every month that holds rows and for the next three, plus a default partition for a row no
-- month takes yet; the rows are copied and the old table dropped.
-- What changes for constraints: the primary key is (id, recorded_at), since PostgreSQL wants the partition key in
-- every unique index. ids are random UUIDs made by Baton, one per decision, and nothing else inserts here; no
-- foreign key points at decision(id) (task.decision_id, task.due_decision_id, task_alert.decision_id and
-- cds_card.decision_id are plain columns). The idempotency key's uniqueness lives in decision_request_key (V191).
-- seq (a task's decisions in the order stored) keeps counting from where it was, from a sequence of its own:
-- an identity column on a partitioned table needs PostgreSQL 17.
alter table decision rename to decision_before_partitioning;

create table decision (like decision_before_partitioning including defaults including constraints including storage)
    partition by range (recorded_at);

create sequence decision_seq as bigint owned by decision.seq;
select setval('decision_seq', coalesce((select max(seq) from decision_before_partitioning), 0) + 1, false);
alter table decision alter column seq set default nextval('decision_seq');

do $$
declare
    month date;
begin
    for month in
        select generate_series(
                   least(coalesce((select date_trunc('month', min(recorded_at) at time zone 'UTC') from decision_before_partitioning),
                                  date_trunc('month', now() at time zone 'UTC')),
                         date_trunc('month', now() at time zone 'UTC')),
                   date_trunc('month', now() at time zone 'UTC') + interval '3 months',
                   interval '1 month')::date
    loop
        perform baton_month_partition('decision', month);
    end loop;
end
$$;
create table decision_default partition of decision default;

insert into decision select * from decision_before_partitioning;

drop table decision_before_partitioning;

alter table decision add primary key (id, recorded_at);
alter table decision add foreign key (rule_set_version) references rule_set_version (version);
create index decision_by_idempotency_key on decision (idempotency_key) where idempotency_key is not null;
create index decision_by_task on decision (task_id, as_of);
create index decision_by_recorded_at on decision (recorded_at desc, id desc);
create index decision_by_task_seq on decision (task_id, seq desc);

create trigger decision_patient_location after insert on decision
    referencing new table as inserted
    for each statement execute function remember_decisions_patient_locations();
