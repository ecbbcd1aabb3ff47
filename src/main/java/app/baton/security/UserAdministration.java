package app.baton.security;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * People's accounts, as an administrator manages them (through the API or the console): create, list,
 * change roles, locations and whether enabled, reset a password, end a lock-out. Each change is audited
 * in its own transaction ({@link UserAccountChanged}) and ends the user's sessions (a new security
 * stamp). Inputs are checked by their annotations where they arrive; the password's byte length and
 * the last administrator, which those cannot express, here.
 */
@Service
public class UserAdministration {

    /** @param username normalized on the way in ({@link UserNames}), then held to its pattern */
    public record NewUser(@NotBlank @Pattern(regexp = UserNames.PATTERN, message = UserNames.RULE) String username,
                          @NotNull @Size(min = 12, max = PasswordAuthenticator.MAX_PASSWORD_BYTES) String password,
                          @NotEmpty Set<@NotNull Role> roles,
                          @NotEmpty Set<@NotBlank @Size(max = 64) String> locations) {

        public NewUser {
            username = UserNames.normalize(username);
        }
    }

    public record UserChange(@NotEmpty Set<@NotNull Role> roles, @NotEmpty Set<@NotBlank @Size(max = 64) String> locations,
                             @NotNull Boolean enabled) {
    }

    public record PasswordReset(@NotNull @Size(min = 12, max = PasswordAuthenticator.MAX_PASSWORD_BYTES) String password) {
    }

    public record UserView(UUID id, String username, Set<Role> roles, Set<String> locations, boolean enabled, int failedAttempts,
                           Instant lockedUntil, Instant createdAt) {

        static UserView of(UserRow row) {
            return new UserView(row.id(), row.username(), new TreeSet<>(row.roles()), new TreeSet<>(row.locations()),
                    row.enabled(), row.failedAttempts(), row.lockedUntil(), row.createdAt());
        }
    }

    private final Users users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    UserAdministration(Users users, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
    }

    @Transactional
    public UserView create(NewUser user) {
        checkBytes(user.password());
        UUID id = users.insert(user.username(), encoder.encode(user.password()), user.roles(), user.locations())
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "username-taken", "The user name is taken",
                        "another user has this name (names are compared without case)"));
        UserRow created = row(id);
        events.publishEvent(new UserAccountChanged(id, created.username(), UserAccountChanged.Change.CREATED, null,
                UserAccountChanged.Account.of(created)));
        return UserView.of(created);
    }

    public List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    public UserView read(UUID id) {
        return UserView.of(row(id));
    }

    /** Refuses to leave Baton without an enabled administrator: there would be no way back but SQL. */
    @Transactional
    public UserView change(UUID id, UserChange change) {
        UserRow before = row(id);
        boolean staysAdmin = change.enabled() && change.roles().contains(Role.ADMIN);
        if (before.enabled() && before.roles().contains(Role.ADMIN) && !staysAdmin && !users.anotherEnabledAdmin(id)) {
            throw new ApiException(HttpStatus.CONFLICT, "last-administrator", "The last administrator must stay",
                    "this is the only enabled administrator: give another user the ADMIN role first");
        }
        users.update(id, change.roles(), change.locations(), change.enabled());
        return changed(before, UserAccountChanged.Change.UPDATED);
    }

    @Transactional
    public UserView resetPassword(UUID id, PasswordReset reset) {
        checkBytes(reset.password());
        UserRow before = row(id);
        users.setPassword(id, encoder.encode(reset.password()));
        return changed(before, UserAccountChanged.Change.PASSWORD_RESET);
    }

    @Transactional
    public UserView unlock(UUID id) {
        UserRow before = row(id);
        users.unlock(id);
        return changed(before, UserAccountChanged.Change.UNLOCKED);
    }

    private UserView changed(UserRow before, UserAccountChanged.Change change) {
        UserRow after = row(before.id());
        events.publishEvent(new UserAccountChanged(after.id(), after.username(), change, UserAccountChanged.Account.of(before),
                UserAccountChanged.Account.of(after)));
        return UserView.of(after);
    }

    private UserRow row(UUID id) {
        return users.findById(id).orElseThrow(UserAdministration::notFound);
    }

    private static void checkBytes(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordAuthenticator.MAX_PASSWORD_BYTES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "field 'password' is not valid",
                    List.of(new Problems.FieldError("password", "at most " + PasswordAuthenticator.MAX_PASSWORD_BYTES + " bytes in UTF-8")));
        }
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "user-not-found", "No such user", "no user has this id");
    }
}
