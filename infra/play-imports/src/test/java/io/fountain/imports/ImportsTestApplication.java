package io.fountain.imports;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The mechanics and every capability up to play imports, on the real broker, registry and
 * a database of their own.
 */
@SpringBootApplication
class ImportsTestApplication {

}
