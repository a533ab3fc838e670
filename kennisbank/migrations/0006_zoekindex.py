"""The search index of kennisbank.Zoekdocument: an FTS5 table with triggers on SQLite, a generated
tsvector column with a GIN index on PostgreSQL. Both index the analysed ``termen_*`` columns."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE kennisbank_zoekfts USING fts5(
        termen_titel, termen_tekst, termen_extra,
        content='kennisbank_zoekdocument', content_rowid='id', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER kennisbank_zoekdocument_ai AFTER INSERT ON kennisbank_zoekdocument BEGIN
        INSERT INTO kennisbank_zoekfts(rowid, termen_titel, termen_tekst, termen_extra)
        VALUES (new.id, new.termen_titel, new.termen_tekst, new.termen_extra); END""",
    """CREATE TRIGGER kennisbank_zoekdocument_ad AFTER DELETE ON kennisbank_zoekdocument BEGIN
        INSERT INTO kennisbank_zoekfts(kennisbank_zoekfts, rowid, termen_titel, termen_tekst, termen_extra)
        VALUES ('delete', old.id, old.termen_titel, old.termen_tekst, old.termen_extra); END""",
    """CREATE TRIGGER kennisbank_zoekdocument_au AFTER UPDATE ON kennisbank_zoekdocument BEGIN
        INSERT INTO kennisbank_zoekfts(kennisbank_zoekfts, rowid, termen_titel, termen_tekst, termen_extra)
        VALUES ('delete', old.id, old.termen_titel, old.termen_tekst, old.termen_extra);
        INSERT INTO kennisbank_zoekfts(rowid, termen_titel, termen_tekst, termen_extra)
        VALUES (new.id, new.termen_titel, new.termen_tekst, new.termen_extra); END""",
]
SQLITE_TERUG = [
    "DROP TRIGGER IF EXISTS kennisbank_zoekdocument_au",
    "DROP TRIGGER IF EXISTS kennisbank_zoekdocument_ad",
    "DROP TRIGGER IF EXISTS kennisbank_zoekdocument_ai",
    "DROP TABLE IF EXISTS kennisbank_zoekfts",
]
POSTGRES = [
    """ALTER TABLE kennisbank_zoekdocument ADD COLUMN zoekvector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', termen_titel), 'A')
        || setweight(to_tsvector('simple', termen_tekst), 'B')
        || setweight(to_tsvector('simple', termen_extra), 'C')) STORED""",
    "CREATE INDEX kennisbank_zoekdocument_vector_idx ON kennisbank_zoekdocument USING gin (zoekvector)",
]
POSTGRES_TERUG = [
    "DROP INDEX IF EXISTS kennisbank_zoekdocument_vector_idx",
    "ALTER TABLE kennisbank_zoekdocument DROP COLUMN IF EXISTS zoekvector",
]


def _uitvoeren(opdrachten_per_database):
    def uitvoeren(apps, schema_editor):
        for opdracht in opdrachten_per_database.get(schema_editor.connection.vendor, []):
            schema_editor.execute(opdracht)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0005_zoekdocument")]

    operations = [
        migrations.RunPython(
            _uitvoeren({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _uitvoeren({"sqlite": SQLITE_TERUG, "postgresql": POSTGRES_TERUG}),
        ),
    ]
