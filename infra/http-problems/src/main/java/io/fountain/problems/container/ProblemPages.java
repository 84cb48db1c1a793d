package io.fountain.problems.container;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Makes Tomcat's own error answers problem+json: its host's error report valve becomes
 * {@link ProblemReportValve}. The context is added to its host before the context
 * customizers run, and the host adds the valve it names when it starts, after them.
 */
public class ProblemPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Host host = (Host) context.getParent();
			if (host instanceof StandardHost standard) {
				standard.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

}
