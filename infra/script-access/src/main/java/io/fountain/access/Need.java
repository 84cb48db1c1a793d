package io.fountain.access;

/** What a request needs to be allowed to do with a script. */
public enum Need {

	/** Read the script or anything under it. */
	READ,
	/** Change anything in the play. */
	WRITE,
	/** Delete the script, or share it. */
	OWN

}
