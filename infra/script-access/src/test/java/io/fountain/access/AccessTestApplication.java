package io.fountain.access;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The mechanics and script access alone, on the real broker, registry and a database of
 * their own.
 */
@SpringBootApplication
class AccessTestApplication {

}
