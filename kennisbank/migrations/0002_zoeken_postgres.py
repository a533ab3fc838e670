"""PostgreSQL search: unaccent and pg_trgm, a "dutch_unaccent" text search configuration, GIN indexes.

Every step is a no-op on SQLite, which uses the plain fallback in kennisbank.selectors.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

VOORUIT = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'dutch_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = pg_catalog.dutch);
        ALTER TEXT SEARCH CONFIGURATION dutch_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
    END IF;
END
$$;
CREATE INDEX IF NOT EXISTS kennisitem_zoekvector_gin ON kennisbank_kennisitem USING gin (zoekvector);
CREATE INDEX IF NOT EXISTS kennisitem_zoektekst_trgm ON kennisbank_kennisitem USING gin (zoektekst gin_trgm_ops);
"""

TERUG = """
DROP INDEX IF EXISTS kennisitem_zoektekst_trgm;
DROP INDEX IF EXISTS kennisitem_zoekvector_gin;
DROP TEXT SEARCH CONFIGURATION IF EXISTS dutch_unaccent;
"""


def alleen_postgres(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(alleen_postgres(VOORUIT), alleen_postgres(TERUG)),
    ]
