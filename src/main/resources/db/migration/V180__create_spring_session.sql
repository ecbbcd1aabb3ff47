-- Spring Session JDBC's tables (org.springframework.session:spring-session-jdbc, PostgreSQL schema of the
-- 3.x line): console sessions live in the database, not in one instance's memory, so a logged-in person
-- keeps working on the next request when their instance is lost. One row per session and one per
-- session attribute (the login, the CSRF token, a notice shown after a redirect), serialized by Java.
-- Column names and indexes are the library's, not a choice of ours; expired sessions are deleted by
-- every instance once a minute (the library's clean-up job, on the index of expiry times).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
