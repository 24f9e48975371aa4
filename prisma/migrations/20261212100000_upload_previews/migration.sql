-- Upload previews computed once, in the background, and kept with the upload (issue 11
-- item 4; docs/decisions/024). Written by hand (docs/decisions/002).
--
-- 1. The preview's state on the upload: pending (stored, not yet computed), running (a
--    worker holds it), ready (the preview is kept in "preview"), failed (the file does
--    not apply: "preview_problems" lists why). "preview_done" of "preview_total"
--    records compared is the progress the uploader sees; "preview_runs" counts the
--    computations, so that a preview computed twice shows. Which worker holds a running
--    preview is not stored: it holds an advisory lock for as long as it lives
--    (lib/editing/upload-preview.ts), so a preview whose worker died is seen and redone.
-- 2. The versions the preview saw: one row per record of the file, with its version
--    then (null: the record did not exist). Applying compares these with the versions
--    now and refuses when any moved, instead of computing the preview again.
CREATE TYPE "upload_preview_status" AS ENUM ('pending', 'running', 'ready', 'failed');

ALTER TABLE "dataset_upload"
    ADD COLUMN "preview_status" "upload_preview_status" NOT NULL DEFAULT 'pending',
    ADD COLUMN "preview" JSONB,
    ADD COLUMN "preview_problems" JSONB,
    ADD COLUMN "preview_done" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "preview_total" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "preview_runs" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "preview_started_at" TIMESTAMPTZ(3),
    ADD COLUMN "preview_finished_at" TIMESTAMPTZ(3);

ALTER TABLE "dataset_upload" ADD CONSTRAINT "dataset_upload_preview_progress_check" CHECK ("preview_done" >= 0 AND "preview_done" <= "preview_total");

-- CreateTable
CREATE TABLE "dataset_upload_record" (
    "upload_id" TEXT NOT NULL,
    "record_kind" "record_kind" NOT NULL,
    "record_id" TEXT NOT NULL,
    "version" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_upload_record_pkey" PRIMARY KEY ("upload_id", "record_kind", "record_id")
);

-- AddForeignKey
ALTER TABLE "dataset_upload_record" ADD CONSTRAINT "dataset_upload_record_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "dataset_upload"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;
