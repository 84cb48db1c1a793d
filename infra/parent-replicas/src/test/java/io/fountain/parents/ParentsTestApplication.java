package io.fountain.parents;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The mechanics, script access and the parent replicas, on the real broker, registry and
 * a database of their own.
 */
@SpringBootApplication
class ParentsTestApplication {

}
