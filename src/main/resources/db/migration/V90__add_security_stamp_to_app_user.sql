-- A user's security stamp goes up with every change to the account (status, roles, locations,
-- password, lock, unlock). A browser session remembers the stamp it logged in with and is ended at
-- its next request when the stamp differs, so a change takes effect at once on every instance,
-- whatever keeps the sessions.
alter table app_user add column security_stamp bigint not null default 0;
