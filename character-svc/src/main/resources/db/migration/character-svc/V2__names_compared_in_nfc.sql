-- Text is stored exactly as sent (the edge no longer rewrites it to NFC), so "Renée" typed with a precomposed é and
-- with e + U+0301 are two spellings of one name: the cast compares names in NFC, as CastNames.key does in Java.
DROP INDEX character_script_name;
CREATE UNIQUE INDEX character_script_name ON character (script_id, upper(normalize(name, NFC)));
