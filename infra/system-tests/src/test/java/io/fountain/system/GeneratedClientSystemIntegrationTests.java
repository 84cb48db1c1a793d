package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.client.ApiClient;
import io.fountain.client.ApiException;
import io.fountain.client.ApiResponse;
import io.fountain.client.api.ActionsApi;
import io.fountain.client.api.ActsApi;
import io.fountain.client.api.PlaysApi;
import io.fountain.client.api.ScenesApi;
import io.fountain.client.api.ScriptsApi;
import io.fountain.client.model.ActChanges;
import io.fountain.client.model.ActView;
import io.fountain.client.model.NewAct;
import io.fountain.client.model.NewAction;
import io.fountain.client.model.NewScene;
import io.fountain.client.model.NewScript;
import io.fountain.client.model.PlayTree;
import io.fountain.client.model.PlayTreeAction;
import io.fountain.client.model.PlayTreeScene;
import io.fountain.client.model.Problem;
import io.fountain.client.model.SceneView;
import io.fountain.client.model.ScriptView;
import io.fountain.local.LocalStack;

/**
 * The Java client a client team generates from the API document (OpenAPI Generator's
 * {@code java} generator, {@code native} library: the build generates it from
 * {@code edge-api/openapi.json}, which {@link ApiDocumentSystemIntegrationTests} proves
 * is what the edge serves), used against the running system: classes named after the
 * resources, methods after what they do, answers and problems typed.
 */
class GeneratedClientSystemIntegrationTests {

	private static LocalStack stack;

	private static ApiClient client;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		String token = stack.token("gene");
		client = new ApiClient();
		client.updateBaseUri(stack.edgeUrl());
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
	}

	@Test
	void aGeneratedClientCreatesAPlayAndReadsItsTree() throws ApiException {
		ScriptView script = new ScriptsApi(client).createScript(new NewScript().title("Big Fish"), null);
		ActView act = new ActsApi(client).createAct(script.getId(), null, new NewAct().title("One"));
		SceneView scene = new ScenesApi(client).createScene(act.getId(), new NewScene().heading("INT. RIVER - DAY"),
				null);
		new ActionsApi(client).createAction(scene.getId(), new NewAction().text("Edward wades in."), null);

		assertThat(new ScriptsApi(client).getScript(script.getId(), null).getTitle()).isEqualTo("Big Fish");
		assertThat(new ActsApi(client).listActsOfScript(script.getId(), 0, 20).getItems()).extracting(ActView::getId)
			.containsExactly(act.getId());

		PlayTree tree = new PlaysApi(client).getPlayTree(script.getId(), null);
		assertThat(tree.getTitle()).isEqualTo("Big Fish");
		assertThat(tree.getActs()).singleElement().satisfies(one -> {
			assertThat(one.getTitle()).isEqualTo("One");
			PlayTreeScene river = one.getScenes().get(0);
			assertThat(river.getHeading()).isEqualTo("INT. RIVER - DAY");
			PlayTreeAction action = river.getElements().get(0).getPlayTreeAction();
			assertThat(action.getType()).isEqualTo("action");
			assertThat(action.getText()).isEqualTo("Edward wades in.");
		});
	}

	@Test
	void anEditOnAVersionChangedSinceIsA412TypedProblemAndTheTagIsInTheHeaders() throws Exception {
		ScriptView script = new ScriptsApi(client).createScript(new NewScript().title("Tagged"), null);
		ActsApi acts = new ActsApi(client);
		ApiResponse<ActView> created = acts.createActWithHttpInfo(script.getId(), null, new NewAct().title("One"));
		String first = created.getHeaders().get("etag").get(0);
		UUID act = created.getData().getId();
		acts.updateAct(act, new ActChanges().title("Two"), first, null);

		ApiException stale = catchThrowableOfType(ApiException.class,
				() -> acts.updateAct(act, new ActChanges().title("Three"), first, null));
		assertThat(stale.getCode()).isEqualTo(412);
		Problem problem = client.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
		assertThat(problem.getStatus()).isEqualTo(412);
		assertThat(problem.getDetail()).contains("\"2\"");
		assertThat(acts.getAct(act, null).getTitle()).isEqualTo("Two");
	}

	@Test
	void aProblemIsATypedException() throws Exception {
		ApiException missing = catchThrowableOfType(ApiException.class,
				() -> new ActsApi(client).getAct(UUID.randomUUID(), null));
		assertThat(missing.getCode()).isEqualTo(404);
		assertThat(missing.getResponseHeaders().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getTitle()).isNotBlank();

		ApiException invalid = catchThrowableOfType(ApiException.class,
				() -> new ScriptsApi(client).createScript(new NewScript().title(" "), null));
		assertThat(invalid.getCode()).isEqualTo(400);
		assertThat(client.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class).getErrors())
			.anySatisfy(error -> assertThat(error.getField()).isEqualTo("title"));
	}

}
