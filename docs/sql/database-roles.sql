-- Once, as a superuser, before Baton's first start: the owner runs the migrations, the application
-- role owns nothing. Replace the passwords. (Used verbatim, passwords aside, by DatabaseRolesIntegrationTests.)
create role baton_owner login password 'change-me-owner';
create role baton_app login password 'change-me-app';
create database baton owner baton_owner;
