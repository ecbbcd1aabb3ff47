package app.baton;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that call Baton over real HTTP: the whole application on a random port, the
 * test profile's embedded PostgreSQL, and {@link #http} sending the test INTEGRATION key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class WebIntegrationTest {

    @LocalServerPort
    protected int port;
    protected HttpJson http;

    @BeforeEach
    void httpClient() {
        http = new HttpJson(port);
    }
}
