-- Scripts made before access was recorded: their owners own them.
INSERT INTO script_known (script_id) SELECT id FROM script ON CONFLICT DO NOTHING;
INSERT INTO script_access (script_id, user_id, role) SELECT id, owner, 'owner' FROM script ON CONFLICT DO NOTHING;
