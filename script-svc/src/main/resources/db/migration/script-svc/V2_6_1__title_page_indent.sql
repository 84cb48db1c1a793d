-- How an imported screenplay indented title page values of several lines (a tab, or spaces): export keeps it.
-- Null: four spaces, export's default.
ALTER TABLE script ADD COLUMN title_page_indent text;
