package io.fountain.problems.conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route of one entity that answers with its version as the {@code ETag}: a read takes
 * {@code If-None-Match} (304), a change or a deletion {@code If-Match} (412), a creation
 * answers with the first version. For the API document: the headers and answers are added
 * to the operation from this mark, so that every such route says the same.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EntityTagged {

}
