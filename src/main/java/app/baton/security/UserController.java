package app.baton.security;

import app.baton.system.ApiException;
import app.baton.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Accounts of people (ADMIN only). A request body names exactly the fields below: anything else,
 * such as an id or a failure count, is an unknown field and a 400, so nobody sets them through a body.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = "application/json")
@Tag(name = "Security")
class UserController {

    record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String username,
                   @NotNull @Size(min = 12, max = PasswordAuthenticator.MAX_PASSWORD_BYTES) String password,
                   @NotEmpty Set<@NotNull Role> roles,
                   @NotEmpty Set<@NotBlank @Size(max = 64) String> locations) {
    }

    record UserChange(@NotEmpty Set<@NotNull Role> roles, @NotEmpty Set<@NotBlank @Size(max = 64) String> locations,
                      @NotNull Boolean enabled) {
    }

    record UserView(UUID id, String username, Set<Role> roles, Set<String> locations, boolean enabled, int failedAttempts,
                    Instant lockedUntil, Instant createdAt) {

        static UserView of(UserRow row) {
            return new UserView(row.id(), row.username(), new TreeSet<>(row.roles()), new TreeSet<>(row.locations()),
                    row.enabled(), row.failedAttempts(), row.lockedUntil(), row.createdAt());
        }
    }

    private final Users users;
    private final PasswordEncoder encoder;

    UserController(Users users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a user", description = "The password is stored as a bcrypt hash and never returned.")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
        if (user.password().getBytes(StandardCharsets.UTF_8).length > PasswordAuthenticator.MAX_PASSWORD_BYTES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", "field 'password' is not valid",
                    List.of(new Problems.FieldError("password", "at most " + PasswordAuthenticator.MAX_PASSWORD_BYTES + " bytes in UTF-8")));
        }
        UUID id = users.insert(user.username(), encoder.encode(user.password()), user.roles(), user.locations())
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "username-taken", "The user name is taken",
                        "another user has this name (names are compared without case)"));
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(read(id));
    }

    @GetMapping
    @Operation(summary = "List users")
    List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user")
    UserView read(@PathVariable UUID id) {
        return users.findById(id).map(UserView::of).orElseThrow(UserController::notFound);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change a user's roles, locations and whether the account is enabled")
    UserView change(@PathVariable UUID id, @Valid @RequestBody UserChange change) {
        if (!users.update(id, change.roles(), change.locations(), change.enabled())) {
            throw notFound();
        }
        return read(id);
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "End a lock-out", description = "Clears the failure count and the lock after repeated wrong passwords.")
    UserView unlock(@PathVariable UUID id) {
        if (!users.clearFailures(id)) {
            throw notFound();
        }
        return read(id);
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "user-not-found", "No such user", "no user has this id");
    }
}
