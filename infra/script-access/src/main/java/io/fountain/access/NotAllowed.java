package io.fountain.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The caller may see the script but not do this with it (a viewer writing, an editor
 * deleting or sharing). Only collaborators get this answer: anyone else gets the same 404
 * as for a script that does not exist.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotAllowed extends RuntimeException {

	NotAllowed(Role role, Need need) {
		super("As " + (role == Role.EDITOR ? "an editor" : "a viewer") + " of this play you may not "
				+ (need == Need.WRITE ? "change it; its owner and its editors may."
						: "delete it or share it; only its owner may."));
	}

}
