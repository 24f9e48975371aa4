-- Citable releases (issue 12 item 6, docs/decisions/022-citable-releases.md): numbered,
-- dated snapshots of the published data in every export format, with each file's
-- SHA-256 and the hash of every record, kept in the database so that the app serves
-- them and backups carry them.

-- CreateTable
CREATE TABLE "release" (
    "number" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "unchanged" BOOLEAN NOT NULL DEFAULT false,
    "released_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "release_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "release_file" (
    "release_number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "release_file_pkey" PRIMARY KEY ("release_number","name")
);

-- CreateTable
CREATE TABLE "release_record" (
    "release_number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "release_record_pkey" PRIMARY KEY ("release_number","kind","record_id")
);

-- CreateIndex
CREATE INDEX "release_record_kind_record_id_release_number_idx" ON "release_record"("kind", "record_id", "release_number");

-- AddForeignKey
ALTER TABLE "release_file" ADD CONSTRAINT "release_file_release_number_fkey" FOREIGN KEY ("release_number") REFERENCES "release"("number") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "release_record" ADD CONSTRAINT "release_record_release_number_fkey" FOREIGN KEY ("release_number") REFERENCES "release"("number") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- Numbers start at 1; hashes are lowercase hex SHA-256.
ALTER TABLE "release" ADD CONSTRAINT "release_number_check" CHECK ("number" >= 1),
    ADD CONSTRAINT "release_content_hash_check" CHECK ("content_hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "release_file" ADD CONSTRAINT "release_file_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT "release_file_byte_size_check" CHECK ("byte_size" = octet_length("content"));

-- Uncompressed out of line: a download reads the file in slices (substring), which
-- PostgreSQL serves from the slices' own chunks only when the value is not compressed.
ALTER TABLE "release_file" ALTER COLUMN "content" SET STORAGE EXTERNAL;

-- A release, once made, is what people cite: no update or delete, whoever asks. (A
-- restore loads rows with user triggers off, so backups still carry releases.)
CREATE FUNCTION "docketline_release_is_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'releases are immutable: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;

DO $$
DECLARE
  release_table text;
BEGIN
  FOREACH release_table IN ARRAY ARRAY['release', 'release_file', 'release_record'] LOOP
    EXECUTE format(
      'CREATE TRIGGER "release_is_immutable" BEFORE UPDATE OR DELETE ON %I
         FOR EACH ROW EXECUTE FUNCTION "docketline_release_is_immutable"()',
      release_table);
    EXECUTE format(
      'CREATE TRIGGER "release_is_immutable_truncate" BEFORE TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_release_is_immutable"()',
      release_table);
  END LOOP;
END;
$$;

-- A new release changes /data and the filing pages' citations: the page cache forgets
-- (migration 20261202090000_content_change_notify).
CREATE TRIGGER "notify_content_change" AFTER INSERT ON "release"
  FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_change"();
