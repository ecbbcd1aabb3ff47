package app.baton.security;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * People's accounts, as an administrator manages them (through the API or the console): create, list,
 * change roles, locations and whether enabled, end a lock-out. Inputs are checked by their annotations
 * where they arrive; the password's byte length, which those cannot express, here.
 */
@Service
public class UserAdministration {

    public record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String username,
                          @NotNull @Size(min = 12, max = PasswordAuthenticator.MAX_PASSWORD_BYTES) String password,
                          @NotEmpty Set<@NotNull Role> roles,
                          @NotEmpty Set<@NotBlank @Size(max = 64) String> locations) {
    }

    public record UserChange(@NotEmpty Set<@NotNull Role> roles, @NotEmpty Set<@NotBlank @Size(max = 64) String> locations,
                             @NotNull Boolean enabled) {
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

    UserAdministration(Users users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    public UserView create(NewUser user) {
        if (user.password().getBytes(StandardCharsets.UTF_8).length > PasswordAuthenticator.MAX_PASSWORD_BYTES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "field 'password' is not valid",
                    List.of(new Problems.FieldError("password", "at most " + PasswordAuthenticator.MAX_PASSWORD_BYTES + " bytes in UTF-8")));
        }
        UUID id = users.insert(user.username(), encoder.encode(user.password()), user.roles(), user.locations())
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "username-taken", "The user name is taken",
                        "another user has this name (names are compared without case)"));
        return read(id);
    }

    public List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    public UserView read(UUID id) {
        return users.findById(id).map(UserView::of).orElseThrow(UserAdministration::notFound);
    }

    public UserView change(UUID id, UserChange change) {
        if (!users.update(id, change.roles(), change.locations(), change.enabled())) {
            throw notFound();
        }
        return read(id);
    }

    public UserView unlock(UUID id) {
        if (!users.clearFailures(id)) {
            throw notFound();
        }
        return read(id);
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "user-not-found", "No such user", "no user has this id");
    }
}
