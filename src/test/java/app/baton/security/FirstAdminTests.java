package app.baton.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A new installation without BATON_FIRST_ADMIN_PASSWORD says at start, in one line, how to get a first login. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

    private final Users users = mock(Users.class);

    private static SecuritySettings settings(String password, boolean demo) {
        return new SecuritySettings(null, null, null, null, new SecuritySettings.FirstAdmin("admin", password),
                new SecuritySettings.Demo(demo, demo ? "demo" : "", ""));
    }

    @SuppressWarnings("deprecation")
    private void start(SecuritySettings settings) {
        new FirstAdmin(users, NoOpPasswordEncoder.getInstance(), settings).run(new DefaultApplicationArguments());
    }

    @Test
    void withoutPasswordAndWithoutAdministratorOneLineSaysHowToCreateTheFirst(CapturedOutput output) {
        when(users.anyEnabledAdmin()).thenReturn(false);

        start(settings("", false));

        assertThat(output.getAll().lines().filter(line -> line.contains("BATON_FIRST_ADMIN_PASSWORD"))).hasSize(1);
        verify(users, never()).insert(anyString(), anyString(), any(), any());
    }

    @Test
    void theDemoProfileAndAnInstallationWithAnAdministratorStayQuiet(CapturedOutput output) {
        when(users.anyEnabledAdmin()).thenReturn(true);
        start(settings("", false));
        when(users.anyEnabledAdmin()).thenReturn(false);
        start(settings(null, true));

        assertThat(output.getAll()).doesNotContain("BATON_FIRST_ADMIN_PASSWORD");
    }
}
