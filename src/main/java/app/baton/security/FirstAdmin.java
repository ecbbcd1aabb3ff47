package app.baton.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Creates the first administrator of a new installation from {@code BATON_FIRST_ADMIN_USERNAME}
 * and {@code BATON_FIRST_ADMIN_PASSWORD}, when no user of that name exists; without a password
 * nothing is created (no secret has a default), and when no administrator exists at all (outside the demo
 * profile) one log line says how to create the first. Everything else is then done through the API.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String HOW_TO_START = "no administrator exists, so nobody can log in: set BATON_FIRST_ADMIN_PASSWORD "
            + "(and BATON_FIRST_ADMIN_USERNAME, default 'admin') and restart to create the first one (docs/operations.md)";

    private final Users users;
    private final PasswordEncoder encoder;
    private final SecuritySettings.FirstAdmin settings;
    private final boolean demo;

    FirstAdmin(Users users, PasswordEncoder encoder, SecuritySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings.firstAdmin();
        this.demo = settings.demo() != null && settings.demo().enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = UserNames.normalize(settings.username());
        if (!settings.requested()) {
            // the demo profile brings its own administrator; anywhere else nobody could log in, so say how to start
            if (!demo && !users.anyEnabledAdmin()) {
                log.warn(HOW_TO_START);
            }
            return;
        }
        if (users.findByUsername(username).isPresent()) {
            return;
        }
        users.insert(username, encoder.encode(settings.password()), Set.of(Role.ADMIN), Set.of(Identity.ALL_LOCATIONS));
        log.warn("created the first administrator '{}'; remove BATON_FIRST_ADMIN_PASSWORD from the environment", username);
    }
}
