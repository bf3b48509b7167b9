-- The leanest SMS export the sqlite3 shell can do (issue #18's baseline): a phone, a fixed message with the name
-- in it and one part, for every person row, as CSV — no consent, no check of the phone, no tones stripped.
.mode csv
.headers off
SELECT phone, 'Kinh moi ' || fullName || ' du Ngay hoi doc sach luc 8h00 ngay 21/04/2026 tai Nha van hoa thon', 1 FROM person;
