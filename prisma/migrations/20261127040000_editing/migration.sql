-- Staff editing (issue #4): a draft → published lifecycle and soft deletion for lawsuits
-- and filings, a version on every editable record for conflict-safe saves, and the
-- revision history of every change. See docs/decisions/008-drafts-versions-and-history.md.

-- CreateEnum
CREATE TYPE "publication" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "record_kind" AS ENUM ('court', 'official', 'lawsuit', 'filing');

-- CreateEnum
CREATE TYPE "revision_action" AS ENUM ('create', 'update', 'publish', 'unpublish', 'delete', 'restore', 'revert');

-- AlterTable
ALTER TABLE "court" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "official" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable: rows already here were imported, reviewed data: they stay published.
ALTER TABLE "lawsuit" ADD COLUMN "publication" "publication" NOT NULL DEFAULT 'published',
ADD COLUMN "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "is_public" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "lawsuit" ALTER COLUMN "publication" SET DEFAULT 'draft';

-- AlterTable
ALTER TABLE "filing" ADD COLUMN "publication" "publication" NOT NULL DEFAULT 'published',
ADD COLUMN "deleted_at" TIMESTAMPTZ(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "is_public" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "filing" ALTER COLUMN "publication" SET DEFAULT 'draft';

-- CreateTable
CREATE TABLE "revision" (
    "id" BIGSERIAL NOT NULL,
    "record_kind" "record_kind" NOT NULL,
    "record_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "revision_action" NOT NULL,
    "publication" "publication",
    "actor_id" TEXT,
    "actor_name" TEXT NOT NULL,
    "reverted_from_id" BIGINT,
    "upload_id" TEXT,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_upload" (
    "id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "publication" "publication" NOT NULL,
    "summary" JSONB,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "dataset_upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revision_record_kind_record_id_id_idx" ON "revision"("record_kind", "record_id", "id");

-- CreateIndex
CREATE INDEX "revision_created_at_idx" ON "revision"("created_at");

-- CreateIndex
CREATE INDEX "revision_upload_id_idx" ON "revision"("upload_id");

-- CreateIndex
CREATE INDEX "revision_reverted_from_id_idx" ON "revision"("reverted_from_id");

-- CreateIndex
CREATE INDEX "dataset_upload_created_at_idx" ON "dataset_upload"("created_at");

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_reverted_from_id_fkey" FOREIGN KEY ("reverted_from_id") REFERENCES "revision"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "dataset_upload"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

ALTER TABLE "revision" ADD CONSTRAINT "revision_version_check" CHECK ("version" >= 1);
ALTER TABLE "lawsuit" ADD CONSTRAINT "lawsuit_version_check" CHECK ("version" >= 1);
ALTER TABLE "filing" ADD CONSTRAINT "filing_version_check" CHECK ("version" >= 1);
ALTER TABLE "court" ADD CONSTRAINT "court_version_check" CHECK ("version" >= 1);
ALTER TABLE "official" ADD CONSTRAINT "official_version_check" CHECK ("version" >= 1);

-- is_public: the one condition every public read uses ("WHERE is_public"), kept here
-- rather than repeated in every query. A filing is public when it is published, not
-- deleted, and outside any lawsuit or in a public lawsuit; publishing, unpublishing or
-- deleting a lawsuit therefore shows or hides its filings with it.
CREATE FUNCTION "lawsuit_set_is_public"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."is_public" := NEW."publication" = 'published' AND NEW."deleted_at" IS NULL;
    RETURN NEW;
END $$;

CREATE FUNCTION "filing_set_is_public"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."is_public" := NEW."publication" = 'published' AND NEW."deleted_at" IS NULL
        AND (NEW."lawsuit_id" IS NULL OR EXISTS (
            SELECT 1 FROM "lawsuit" l WHERE l."id" = NEW."lawsuit_id" AND l."is_public"));
    RETURN NEW;
END $$;

CREATE FUNCTION "lawsuit_propagate_is_public"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "filing" f
    SET "is_public" = f."publication" = 'published' AND f."deleted_at" IS NULL AND NEW."is_public"
    WHERE f."lawsuit_id" = NEW."id"
      AND f."is_public" IS DISTINCT FROM (f."publication" = 'published' AND f."deleted_at" IS NULL AND NEW."is_public");
    RETURN NULL;
END $$;

CREATE TRIGGER "lawsuit_is_public_before_write" BEFORE INSERT OR UPDATE ON "lawsuit"
    FOR EACH ROW EXECUTE FUNCTION "lawsuit_set_is_public"();
CREATE TRIGGER "lawsuit_is_public_after_insert" AFTER INSERT ON "lawsuit"
    FOR EACH ROW EXECUTE FUNCTION "lawsuit_propagate_is_public"();
CREATE TRIGGER "lawsuit_is_public_after_update" AFTER UPDATE OF "publication", "deleted_at", "is_public" ON "lawsuit"
    FOR EACH ROW WHEN (OLD."is_public" IS DISTINCT FROM NEW."is_public")
    EXECUTE FUNCTION "lawsuit_propagate_is_public"();
CREATE TRIGGER "filing_is_public_before_write" BEFORE INSERT OR UPDATE ON "filing"
    FOR EACH ROW EXECUTE FUNCTION "filing_set_is_public"();

-- Existing rows: the triggers compute the flag.
UPDATE "lawsuit" SET "publication" = "publication";
UPDATE "filing" SET "publication" = "publication";
