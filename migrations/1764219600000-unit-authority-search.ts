import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units and management authorities are searched like staff: by name, diacritics and case
 * ignored ("hau giang" finds "Hậu Giang"). The search form is a generated column, so every
 * writer (the API, imports, seeders, plain SQL) keeps it right without knowing of it; the
 * function is the SQL twin of `toSearchName` (a test compares them). Trigram indexes serve
 * the `LIKE '%…%'` the lists use.
 */
export class UnitAuthoritySearch1764219600000 implements MigrationInterface {
  name = 'UnitAuthoritySearch1764219600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION search_name(name text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN btrim(regexp_replace(lower(regexp_replace(
                 translate(normalize(name, NFD), 'đĐ', 'dD'), '[\\u0300-\\u036f]', '', 'g')),
               '\\s+', ' ', 'g'))
    `);
    for (const table of ['units', 'management_authorities']) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN search_name text GENERATED ALWAYS AS (search_name(name)) STORED`,
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_search_name_idx ON ${table} USING gin (search_name gin_trgm_ops)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['units', 'management_authorities']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN search_name`);
    }
    await queryRunner.query(`DROP FUNCTION search_name(text)`);
  }
}
