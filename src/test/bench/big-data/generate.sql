-- Fills a Baton schema with :decisions decisions and twice as many audit entries (tasks: generate-tasks.sql) spread evenly over the 24 months before now, with set-based SQL (generate_series). The audit entries
-- form a real hash chain (the canonical form of app.baton.audit.AuditHash, computed in PL/pgSQL), so the chain
-- verification can be measured on them. Run by big-data.sh as a superuser: triggers are skipped
-- (session_replication_role = replica), which changes nothing for inserts but the patient_location bookkeeping,
-- filled here directly.
\set ON_ERROR_STOP on
set session_replication_role = replica;
set synchronous_commit = off;

\echo months
select count(baton_month_partition(t, m::date))
from unnest(array['decision', 'audit_event']) t,
     generate_series(date_trunc('month', now() - interval '24 months'), date_trunc('month', now()), interval '1 month') m
where to_regclass('decision_default') is not null;

insert into rule_set_version (version, sha256, status, author, change_note, activated_at)
values (1, repeat('a', 64), 'ACTIVE', 'bench', 'bench data', now() - interval '25 months')
on conflict do nothing;

\echo decisions
insert into decision (id, idempotency_key, request_sha256, rule_set_version, as_of, recorded_at, task_id, program, task_type,
                      inputs, response, evaluation_micros, asked_by, actor)
select md5('decision' || g)::uuid, 'req-' || g, md5(g::text) || md5(g::text), 1, ts, ts, 'task-' || (g % (:decisions / 10)),
       'CARE_MANAGEMENT', 'FOLLOW_UP_CALL',
       jsonb_build_object('patient', jsonb_build_object('id', 'pt-' || (g % (:decisions / 20)), 'location', 'MAIN'),
                          'task', jsonb_build_object('type', 'FOLLOW_UP_CALL', 'status', 'OPEN')),
       '{"queue":"CARE_COORDINATION","priority":"ROUTINE","prompt":"Call the patient"}', 150 + (g % 300), 'API', 'bench'
from generate_series(1, :decisions) g,
     lateral (select now() - interval '730 days' * (1 - g::float8 / :decisions) as ts) t;

-- (before V191, the migration benchmark's starting point, the keys are still a unique index on decision)
select to_regclass('decision_request_key') is not null as has_key_table \gset
\if :has_key_table
insert into decision_request_key (idempotency_key, decision_id, recorded_at)
select idempotency_key, id, recorded_at from decision where idempotency_key like 'req-%'
on conflict do nothing;
\endif

insert into patient_location (patient_id, location)
select 'pt-' || p, 'MAIN' from generate_series(0, :decisions / 20 - 1) p;

\echo audit entries (a real hash chain)
create or replace function bench_audit_chain(n bigint, patients bigint, first_at timestamptz, last_at timestamptz)
returns table (id uuid, sequence_number bigint, occurred_at timestamptz, patient_id text, object_id text,
               previous_hash text, hash text)
language plpgsql as $$
declare
    prev text := repeat('0', 64);
    span interval := last_at - first_at;
    g    bigint;
    ts   timestamptz;
    pid  text;
    obj  text;
    uid  uuid;
begin
    for g in 1..n loop
        ts := first_at + span * (g::float8 / n);
        uid := md5('audit' || g)::uuid;
        pid := 'pt-' || (g % patients);
        obj := 'd-' || g;
        id := uid; sequence_number := g; occurred_at := ts; patient_id := pid; object_id := obj; previous_hash := prev;
        hash := encode(sha256(convert_to(
                    'sequence_number=' || length(g::text) || ':' || g || E'\n'
                    || 'id=36:' || uid || E'\n'
                    || 'occurred_at=27:' || to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
                    || E'actor=5:bench\nactor_type=7:API_KEY\n'
                    || 'patient_id=' || length(pid) || ':' || pid || E'\n'
                    || E'action=4:READ\ncategory=8:DECISION\nobject_type=8:decision\n'
                    || 'object_id=' || length(obj) || ':' || obj || E'\n'
                    || E'outcome=7:SUCCESS\nsource_address=9:127.0.0.1\ncorrelation_id=-\nemergency=5:false\ndetails=-\n'
                    || 'previous_hash=64:' || prev || E'\n', 'UTF8')), 'hex');
        prev := hash;
        return next;
    end loop;
end
$$;

insert into audit_event (id, sequence_number, occurred_at, actor, actor_type, patient_id, action, category, object_type, object_id,
                         outcome, source_address, correlation_id, emergency, details, previous_hash, hash, staged_number)
overriding system value
select id, sequence_number, occurred_at, 'bench', 'API_KEY', patient_id, 'READ', 'DECISION', 'decision', object_id,
       'SUCCESS', '127.0.0.1', null, false, null, previous_hash, hash, sequence_number
from bench_audit_chain(2 * :decisions, :decisions / 20, now() - interval '730 days', now() - interval '1 minute');

select setval(pg_get_serial_sequence('audit_event', 'staged_number'), (select max(staged_number) from audit_event));
drop function bench_audit_chain(bigint, bigint, timestamptz, timestamptz);

\echo analyze
analyze;
