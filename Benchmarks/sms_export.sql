-- The same rows as the SMS export, by plain string concatenation in the sqlite3 shell (no tones stripped, no
-- segment count, no dedupe): the floor for reading and writing a million messages. Used by Benchmarks/run.sh.
.mode list
.headers off
SELECT p.phone || ',UBND xa Dak To Re kinh moi ' || CASE p.gender WHEN 'male' THEN 'Ong' ELSE 'Ba' END || ' ' || p.fullName
       || ' du Ngay hoi doc sach luc 8h00 ngay 21/04/2026 tai Nha van hoa thon.,1,GSM-7'
FROM person p
WHERE p.phone IS NOT NULL AND coalesce((SELECT max(CASE WHEN c.withdrawnOn IS NULL THEN 2 ELSE 1 END) FROM consent c
                    WHERE c.channel = 'sms' AND c.personId = p.id), 0) = 2;
