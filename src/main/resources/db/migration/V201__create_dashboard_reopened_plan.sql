-- Care plans reopened at least once (the exception report's REOPENED reason), from the tracker's PlanReopened.
create table dashboard_reopened_plan (
    plan_id uuid primary key
);
