-- audit_event becomes a table partitioned by month of occurred_at, like decision (V192): the old table is renamed,
-- a partitioned one with the same columns and checks takes its name, with a partition for every month that holds
-- entries and the next three, and a default partition; the entries are copied, the old table dropped, and the
-- indexes and append-only triggers made again on the new one (PostgreSQL clones the row triggers onto every
-- partition, present and future; baton_month_partition adds the TRUNCATE trigger to each).
-- Staged entries (no place in the chain yet) live here too, so there is no separate staging table to partition.
-- What changes for constraints: the primary key is (id, occurred_at), since PostgreSQL wants the partition key in
-- every unique index; ids are random UUIDs made by AuditTrail. sequence_number and staged_number are no longer
-- unique indexes but plain ones: staged_number comes from a sequence, and sequence_number is given only by the
-- chainer, one at a time under its advisory lock, one more than the head; a repeated or missing number is what
-- the chain verification reports (AuditChainVerifier), so the chain, not an index, proves there is one of each.
alter table audit_event rename to audit_event_before_partitioning;

create table audit_event (like audit_event_before_partitioning including defaults including constraints including storage)
    partition by range (occurred_at);

create sequence audit_event_staging_order as bigint owned by audit_event.staged_number;
select setval('audit_event_staging_order',
              coalesce((select max(staged_number) from audit_event_before_partitioning), 0) + 1, false);
alter table audit_event alter column staged_number set default nextval('audit_event_staging_order');

do $$
declare
    month date;
begin
    for month in
        select generate_series(
                   least(coalesce((select date_trunc('month', min(occurred_at) at time zone 'UTC') from audit_event_before_partitioning),
                                  date_trunc('month', now() at time zone 'UTC')),
                         date_trunc('month', now() at time zone 'UTC')),
                   date_trunc('month', now() at time zone 'UTC') + interval '3 months',
                   interval '1 month')::date
    loop
        perform baton_month_partition('audit_event', month);
    end loop;
end
$$;
create table audit_event_default partition of audit_event default;
create trigger audit_event_no_truncate before truncate on audit_event_default
    for each statement execute function audit_event_is_append_only();

insert into audit_event select * from audit_event_before_partitioning;

drop table audit_event_before_partitioning;

alter table audit_event add primary key (id, occurred_at);
create index audit_event_by_sequence_number on audit_event (sequence_number) where sequence_number is not null;
create index audit_event_staged on audit_event (staged_number) where hash is null;
create index audit_event_by_time on audit_event (occurred_at);
create index audit_event_by_actor on audit_event (actor, occurred_at);
create index audit_event_by_patient on audit_event (patient_id, occurred_at) where patient_id is not null;
create index audit_event_break_glass on audit_event (occurred_at) where emergency;

create trigger audit_event_append_only
    before delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_links_once
    before update on audit_event
    for each row execute function audit_event_links_once();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

revoke update, delete, truncate on audit_event from public;
