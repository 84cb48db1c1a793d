package io.fountain.edge.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.fountain.callers.CallerTokens;
import io.fountain.edge.limits.RateLimitFilter;

/**
 * Who may call what: every route needs a valid bearer token (a new route too: nothing is
 * open unless listed here), but health and the API document; the operations views and the
 * edge's metrics need the {@code operator} role. Stateless (no session, no cookie, so no
 * CSRF to defend against), CORS from an allow-list, and headers that tell a browser to
 * render nothing of ours in a frame or as another type.
 */
@Configuration
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String OPERATOR = "ROLE_operator";

	@Bean
	JwtDecoder jwtDecoder(AuthSettings settings) {
		return TokenChecks.decoder(settings);
	}

	@Bean
	CallerTokens callerTokens(AuthSettings settings) {
		String secret = settings.callersSecret();
		if (secret == null || secret.isBlank()) {
			log.warn(
					"fountain.edge.auth.callers-secret is not set: using the built-in one, for tests and local runs only");
			secret = CallerTokens.LOCAL_ONLY_SECRET;
		}
		return new CallerTokens(secret);
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, RateLimitFilter limits) throws Exception {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(roles);
		AuthProblems problems = new AuthProblems();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(Customizer.withDefaults())
			.authorizeHttpRequests(routes -> routes
				.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/error")
				.permitAll()
				// The page itself holds no data: its calls to /ops/** carry the
				// operator's token.
				.requestMatchers("/ops", "/ops/", "/ops/index.html")
				.permitAll()
				.requestMatchers("/ops/**", "/actuator/**")
				.hasAuthority(OPERATOR)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(limits.forAddresses(), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(limits.forUsers(), BearerTokenAuthenticationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
								+ "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(frames -> frames.deny()));
		return http.build();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(AuthSettings settings) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(settings.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "If-Match",
				"If-None-Match", "X-Correlation-Id"));
		cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Correlation-Id", "Idempotent-Replayed"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/**
	 * Writes a problem+json body on the response (the filters answer before any
	 * controller could).
	 */
	static void writeProblem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

}
