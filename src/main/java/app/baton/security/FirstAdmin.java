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
 * nothing is created (no secret has a default). Everything else is then done through the API.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final PasswordEncoder encoder;
    private final SecuritySettings.FirstAdmin settings;

    FirstAdmin(Users users, PasswordEncoder encoder, SecuritySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings.firstAdmin();
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = UserNames.normalize(settings.username());
        if (!settings.requested() || users.findByUsername(username).isPresent()) {
            return;
        }
        users.insert(username, encoder.encode(settings.password()), Set.of(Role.ADMIN), Set.of(Identity.ALL_LOCATIONS));
        log.warn("created the first administrator '{}'; remove BATON_FIRST_ADMIN_PASSWORD from the environment", username);
    }
}
