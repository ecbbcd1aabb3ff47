-- A person's list, unread first: served from the index without sorting the whole table.
create index user_notification_by_user on user_notification (lower(username), (read_at is not null), created_at desc);
