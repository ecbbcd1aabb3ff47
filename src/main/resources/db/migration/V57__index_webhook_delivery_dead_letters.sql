-- The dead-letter list and the pending gauge read only these few rows of a table that keeps growing.
create index webhook_delivery_open on webhook_delivery (status, created_at) where status in ('PENDING', 'DEAD');
