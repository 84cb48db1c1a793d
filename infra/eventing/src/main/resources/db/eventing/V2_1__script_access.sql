-- Numbered 2.1, after every service's migrations of the time, so that databases made before it take it in order.
-- Who may do what with each script (ADR 11): script-svc's own record of it, and in every other service a replica
-- learnt from script events. No foreign keys: a row is a user's role in a script, by id.
CREATE TABLE script_access (
    script_id UUID NOT NULL,
    user_id   TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    PRIMARY KEY (script_id, user_id)
);

-- "Which scripts may this user see": the list of a user's scripts.
CREATE INDEX script_access_user ON script_access (user_id);

-- The scripts this service has heard of, and which are deleted (a deleted script is nobody's, even when a replayed
-- creation brings its owner back).
CREATE TABLE script_known (
    script_id UUID    PRIMARY KEY,
    deleted   BOOLEAN NOT NULL DEFAULT false
);
