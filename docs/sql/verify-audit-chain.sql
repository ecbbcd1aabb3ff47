-- Recomputes Baton's audit hash chain inside PostgreSQL, without Baton (docs/compliance-guide.md,
-- "Audit trail"). Returns the first entry that does not fit, or no row when the chain is intact.
-- Run it as any role that can read audit_event:  psql -f docs/sql/verify-audit-chain.sql
-- Only linked entries are checked; staged ones (no hash yet, see the guide) are not part of the chain yet.
-- When retention has exported and dropped old months (partition_export), the first entry kept links to the last
-- entry of the newest export, as recorded there (and in that export's manifest).
with exported as (
    select last_sequence, last_hash from partition_export
    where table_name = 'audit_event' and last_sequence is not null
    order by last_sequence desc
    limit 1
), linked as (
    select e.sequence_number, e.id, e.hash, e.previous_hash,
           coalesce(lag(e.sequence_number) over w, (select last_sequence from exported)) as sequence_before,
           coalesce(lag(e.hash) over w, (select last_hash from exported)) as hash_before,
           (select string_agg(f.name || '=' || coalesce(octet_length(convert_to(f.value, 'UTF8')) || ':' || f.value, '-')
                              || E'\n', '' order by f.ord)
            from (values (1, 'sequence_number', e.sequence_number::text),
                         (2, 'id', e.id::text),
                         (3, 'occurred_at', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
                         (4, 'actor', e.actor),
                         (5, 'actor_type', e.actor_type),
                         (6, 'patient_id', e.patient_id),
                         (7, 'action', e.action),
                         (8, 'category', e.category),
                         (9, 'object_type', e.object_type),
                         (10, 'object_id', e.object_id),
                         (11, 'outcome', e.outcome),
                         (12, 'source_address', e.source_address),
                         (13, 'correlation_id', e.correlation_id),
                         (14, 'emergency', e.emergency::text),
                         (15, 'details', (select '{' || string_agg(to_json(d.key)::text || ':' || to_json(d.value)::text, ','
                                                                   order by d.key collate "C") || '}'
                                          from jsonb_each_text(e.details) as d)),
                         (16, 'previous_hash', e.previous_hash::text)) as f(ord, name, value)) as canonical
    from audit_event e
    where e.sequence_number is not null
    window w as (order by e.sequence_number)
)
select sequence_number, id,
       case when sequence_number <> coalesce(sequence_before, 0) + 1 then 'entries before it are missing'
            when previous_hash <> coalesce(hash_before, repeat('0', 64)) then 'its previous hash is not the hash of the entry before'
            else 'its content does not match its hash' end as problem
from linked
where sequence_number <> coalesce(sequence_before, 0) + 1
   or previous_hash <> coalesce(hash_before, repeat('0', 64))
   or encode(sha256(convert_to(canonical, 'UTF8')), 'hex') <> hash
order by sequence_number
limit 1;
