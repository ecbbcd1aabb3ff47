-- The kept facts of each intake, as the intake module shares them with the care plan: a task that holds an
-- intake (no plan yet) is decided on these facts, and the escalation sweep's candidate page reads them in the
-- same statement as the tasks (app.baton.careplan.OpenTaskPages). The view is the contract, so the care plan
-- never names the intake table; it is a plain projection that PostgreSQL inlines, so the sweep's plan is the
-- one it had when it joined the table.
create view intake_facts as
select id, facts
from intake;
