/**
 * Who may call what and see which patient: people (password, console sessions), apps (API keys), identity provider
 * and EHR tokens, the permission matrix every request passes, object-level access by location and break-glass,
 * minimum necessary, rate limits and user and API key administration.
 *
 * <p>Its API is {@code PermissionMatrix}, {@code Identity} and {@code CurrentIdentity}, {@code PatientAccess},
 * {@code MinimumNecessary}, {@code UserDirectory}, {@code UserAdministration}, {@code ApiKeyAdministration},
 * {@code SourceSystems} and the security events. Console sessions (Spring Session JDBC) and the rate-limit buckets
 * (bucket4j) live in tables of their libraries, kept here.
 *
 * <p>Owns tables: app_user, api_key, break_glass_grant, ehr_token_use, rate_limit_bucket, spring_session, spring_session_attributes
 */
package app.baton.security;
