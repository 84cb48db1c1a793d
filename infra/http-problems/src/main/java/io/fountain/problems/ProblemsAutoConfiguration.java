package io.fountain.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Makes every servlet service of Fountain answer errors as problem+json. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemHandling.class, StrictJson.class })
public class ProblemsAutoConfiguration {
}
