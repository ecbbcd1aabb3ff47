package app.baton.security;

import app.baton.security.UserAdministration.NewUser;
import app.baton.security.UserAdministration.PasswordReset;
import app.baton.security.UserAdministration.UserChange;
import app.baton.security.UserAdministration.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Accounts of people (ADMIN only). A request body names exactly the fields of {@link NewUser} or
 * {@link UserChange}: anything else, such as an id or a failure count, is an unknown field and a 400,
 * so nobody sets them through a body.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = "application/json")
@Tag(name = "Security")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a user", description = "The password is stored as a bcrypt hash and never returned.")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
        UserView created = users.create(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List users")
    List<UserView> list() {
        return users.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user")
    UserView read(@PathVariable UUID id) {
        return users.read(id);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change a user's roles, locations and whether the account is enabled")
    UserView change(@PathVariable UUID id, @Valid @RequestBody UserChange change) {
        return users.change(id, change);
    }

    @PostMapping(path = "/{id}/password", consumes = "application/json")
    @Operation(summary = "Reset a user's password", description = "Sets a new password (12 to 72 bytes) and ends the user's sessions.")
    UserView resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordReset reset) {
        return users.resetPassword(id, reset);
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "End a lock-out", description = "Clears the failure count and the lock after repeated wrong passwords.")
    UserView unlock(@PathVariable UUID id) {
        return users.unlock(id);
    }
}
