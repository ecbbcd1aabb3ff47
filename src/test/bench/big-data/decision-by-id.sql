-- One recorded decision by its id (app.baton.decision.Decisions.findById), any of the months
\set g random(1, :decisions)
select id, rule_set_version, as_of, recorded_at, inputs::text, response::text, evaluation_micros, asked_by, actor
from decision
where id = md5('decision' || :g)::uuid;
