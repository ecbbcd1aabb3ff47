-- One account per user name, whatever its case: "Admin" cannot stand in for "admin". Logins look
-- the name up through this index.
create unique index app_user_username on app_user (lower(username));
