-- Connected to the database baton as a superuser, before Baton's first start: the owner owns the schema
-- and alone may create in it; the application may use what the migrations will create.
alter schema public owner to baton_owner;
revoke create on schema public from public;
grant usage on schema public to baton_app;
alter default privileges for role baton_owner in schema public grant select, insert, update, delete on tables to baton_app;
alter default privileges for role baton_owner in schema public grant usage, select on sequences to baton_app;
