-- Docketline's domain: jurisdictions (reference data), courts, officials, lawsuits,
-- filings, the states that join them, their demands and their sources.

-- CreateEnum
CREATE TYPE "date_precision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "jurisdiction_kind" AS ENUM ('state', 'district', 'territory');

-- CreateEnum
CREATE TYPE "lawsuit_status" AS ENUM ('open', 'stayed', 'transferred', 'dismissed', 'decided', 'settled', 'closed', 'unknown');

-- CreateEnum
CREATE TYPE "filing_kind" AS ENUM ('complaint', 'motion', 'response', 'reply', 'brief', 'amicus-brief', 'letter', 'order', 'settlement', 'notice', 'hearing', 'statement');

-- CreateEnum
CREATE TYPE "coalition_role" AS ENUM ('lead', 'co-lead', 'joined');

-- CreateEnum
CREATE TYPE "party_side" AS ENUM ('plaintiff', 'defendant', 'petitioner', 'respondent', 'appellant', 'appellee', 'intervenor', 'amicus', 'other');

-- CreateEnum
CREATE TYPE "lawsuit_relation_kind" AS ENUM ('related', 'appeal-of', 'transferred-to-join', 'transferred-to', 'consolidated-with');

-- CreateEnum
CREATE TYPE "demand_outcome" AS ENUM ('pending', 'granted', 'granted-in-part', 'denied', 'moot', 'withdrawn', 'unknown');

-- CreateTable
CREATE TABLE "jurisdiction" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "jurisdiction_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "jurisdiction_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "court" (
    "id" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "court_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "jurisdiction_code" CHAR(2) NOT NULL,
    "term_start" DATE,
    "term_start_precision" "date_precision",
    "term_end" DATE,
    "term_end_precision" "date_precision",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "official_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lawsuit" (
    "id" TEXT NOT NULL,
    "case_name" TEXT NOT NULL,
    "case_name_short" TEXT NOT NULL,
    "court_id" TEXT NOT NULL,
    "docket_number" TEXT NOT NULL,
    "judge" TEXT,
    "date_filed" DATE NOT NULL,
    "date_filed_precision" "date_precision" NOT NULL,
    "date_terminated" DATE,
    "date_terminated_precision" "date_precision",
    "status" "lawsuit_status" NOT NULL,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lawsuit_plaintiff" (
    "lawsuit_id" TEXT NOT NULL,
    "jurisdiction_code" CHAR(2) NOT NULL,
    "role" "coalition_role" NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_plaintiff_pkey" PRIMARY KEY ("lawsuit_id", "jurisdiction_code")
);

-- CreateTable
CREATE TABLE "other_party" (
    "id" SERIAL NOT NULL,
    "lawsuit_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "side" "party_side" NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "other_party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lawsuit_relation" (
    "lawsuit_id" TEXT NOT NULL,
    "related_lawsuit_id" TEXT NOT NULL,
    "relation" "lawsuit_relation_kind" NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_relation_pkey" PRIMARY KEY ("lawsuit_id", "related_lawsuit_id")
);

-- CreateTable
CREATE TABLE "filing" (
    "id" TEXT NOT NULL,
    "lawsuit_id" TEXT,
    "kind" "filing_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "date_filed" DATE NOT NULL,
    "date_filed_precision" "date_precision" NOT NULL,
    "entry_number" INTEGER,
    "filed_by" TEXT,
    "responds_to_id" TEXT,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "filing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "filing_state" (
    "filing_id" TEXT NOT NULL,
    "jurisdiction_code" CHAR(2) NOT NULL,
    "role" "coalition_role" NOT NULL,
    "official_id" TEXT,
    "date_joined" DATE,
    "date_joined_precision" "date_precision",
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "filing_state_pkey" PRIMARY KEY ("filing_id", "jurisdiction_code")
);

-- CreateTable
CREATE TABLE "demand" (
    "id" SERIAL NOT NULL,
    "filing_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "outcome" "demand_outcome" NOT NULL,
    "decided_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "lawsuit_id" TEXT,
    "filing_id" TEXT,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "published" DATE,
    "published_precision" "date_precision",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "official_jurisdiction_code_idx" ON "official"("jurisdiction_code");

-- CreateIndex
CREATE INDEX "lawsuit_court_id_idx" ON "lawsuit"("court_id");

-- CreateIndex
CREATE INDEX "lawsuit_status_idx" ON "lawsuit"("status");

-- CreateIndex
CREATE INDEX "lawsuit_date_filed_idx" ON "lawsuit"("date_filed");

-- CreateIndex
CREATE INDEX "lawsuit_plaintiff_jurisdiction_code_idx" ON "lawsuit_plaintiff"("jurisdiction_code");

-- CreateIndex
CREATE UNIQUE INDEX "other_party_lawsuit_id_position_key" ON "other_party"("lawsuit_id", "position");

-- CreateIndex
CREATE INDEX "lawsuit_relation_related_lawsuit_id_idx" ON "lawsuit_relation"("related_lawsuit_id");

-- CreateIndex
CREATE INDEX "filing_lawsuit_id_idx" ON "filing"("lawsuit_id");

-- CreateIndex
CREATE INDEX "filing_responds_to_id_idx" ON "filing"("responds_to_id");

-- CreateIndex
CREATE INDEX "filing_kind_idx" ON "filing"("kind");

-- CreateIndex
CREATE INDEX "filing_date_filed_id_idx" ON "filing"("date_filed", "id");

-- CreateIndex
CREATE INDEX "filing_state_jurisdiction_code_role_idx" ON "filing_state"("jurisdiction_code", "role");

-- CreateIndex
CREATE INDEX "filing_state_official_id_idx" ON "filing_state"("official_id");

-- CreateIndex
CREATE INDEX "demand_decided_by_id_idx" ON "demand"("decided_by_id");

-- CreateIndex
CREATE INDEX "demand_category_idx" ON "demand"("category");

-- CreateIndex
CREATE INDEX "demand_outcome_idx" ON "demand"("outcome");

-- CreateIndex
CREATE UNIQUE INDEX "demand_filing_id_position_key" ON "demand"("filing_id", "position");

-- CreateIndex
CREATE INDEX "source_lawsuit_id_idx" ON "source"("lawsuit_id");

-- CreateIndex
CREATE INDEX "source_filing_id_idx" ON "source"("filing_id");

-- AddForeignKey
ALTER TABLE "official" ADD CONSTRAINT "official_jurisdiction_code_fkey" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit" ADD CONSTRAINT "lawsuit_court_id_fkey" FOREIGN KEY ("court_id") REFERENCES "court"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_plaintiff" ADD CONSTRAINT "lawsuit_plaintiff_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_plaintiff" ADD CONSTRAINT "lawsuit_plaintiff_jurisdiction_code_fkey" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "other_party" ADD CONSTRAINT "other_party_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_relation" ADD CONSTRAINT "lawsuit_relation_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_relation" ADD CONSTRAINT "lawsuit_relation_related_lawsuit_id_fkey" FOREIGN KEY ("related_lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "filing" ADD CONSTRAINT "filing_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "filing" ADD CONSTRAINT "filing_responds_to_id_fkey" FOREIGN KEY ("responds_to_id") REFERENCES "filing"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "filing_state" ADD CONSTRAINT "filing_state_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "filing_state" ADD CONSTRAINT "filing_state_jurisdiction_code_fkey" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "filing_state" ADD CONSTRAINT "filing_state_official_id_fkey" FOREIGN KEY ("official_id") REFERENCES "official"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "demand" ADD CONSTRAINT "demand_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "demand" ADD CONSTRAINT "demand_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "filing"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- The reference list of jurisdictions is part of the schema, not of any dataset.
INSERT INTO "jurisdiction" ("code", "name", "kind", "updated_at") VALUES
    ('AL', 'Alabama', 'state', CURRENT_TIMESTAMP),
    ('AK', 'Alaska', 'state', CURRENT_TIMESTAMP),
    ('AZ', 'Arizona', 'state', CURRENT_TIMESTAMP),
    ('AR', 'Arkansas', 'state', CURRENT_TIMESTAMP),
    ('CA', 'California', 'state', CURRENT_TIMESTAMP),
    ('CO', 'Colorado', 'state', CURRENT_TIMESTAMP),
    ('CT', 'Connecticut', 'state', CURRENT_TIMESTAMP),
    ('DE', 'Delaware', 'state', CURRENT_TIMESTAMP),
    ('FL', 'Florida', 'state', CURRENT_TIMESTAMP),
    ('GA', 'Georgia', 'state', CURRENT_TIMESTAMP),
    ('HI', 'Hawaii', 'state', CURRENT_TIMESTAMP),
    ('ID', 'Idaho', 'state', CURRENT_TIMESTAMP),
    ('IL', 'Illinois', 'state', CURRENT_TIMESTAMP),
    ('IN', 'Indiana', 'state', CURRENT_TIMESTAMP),
    ('IA', 'Iowa', 'state', CURRENT_TIMESTAMP),
    ('KS', 'Kansas', 'state', CURRENT_TIMESTAMP),
    ('KY', 'Kentucky', 'state', CURRENT_TIMESTAMP),
    ('LA', 'Louisiana', 'state', CURRENT_TIMESTAMP),
    ('ME', 'Maine', 'state', CURRENT_TIMESTAMP),
    ('MD', 'Maryland', 'state', CURRENT_TIMESTAMP),
    ('MA', 'Massachusetts', 'state', CURRENT_TIMESTAMP),
    ('MI', 'Michigan', 'state', CURRENT_TIMESTAMP),
    ('MN', 'Minnesota', 'state', CURRENT_TIMESTAMP),
    ('MS', 'Mississippi', 'state', CURRENT_TIMESTAMP),
    ('MO', 'Missouri', 'state', CURRENT_TIMESTAMP),
    ('MT', 'Montana', 'state', CURRENT_TIMESTAMP),
    ('NE', 'Nebraska', 'state', CURRENT_TIMESTAMP),
    ('NV', 'Nevada', 'state', CURRENT_TIMESTAMP),
    ('NH', 'New Hampshire', 'state', CURRENT_TIMESTAMP),
    ('NJ', 'New Jersey', 'state', CURRENT_TIMESTAMP),
    ('NM', 'New Mexico', 'state', CURRENT_TIMESTAMP),
    ('NY', 'New York', 'state', CURRENT_TIMESTAMP),
    ('NC', 'North Carolina', 'state', CURRENT_TIMESTAMP),
    ('ND', 'North Dakota', 'state', CURRENT_TIMESTAMP),
    ('OH', 'Ohio', 'state', CURRENT_TIMESTAMP),
    ('OK', 'Oklahoma', 'state', CURRENT_TIMESTAMP),
    ('OR', 'Oregon', 'state', CURRENT_TIMESTAMP),
    ('PA', 'Pennsylvania', 'state', CURRENT_TIMESTAMP),
    ('RI', 'Rhode Island', 'state', CURRENT_TIMESTAMP),
    ('SC', 'South Carolina', 'state', CURRENT_TIMESTAMP),
    ('SD', 'South Dakota', 'state', CURRENT_TIMESTAMP),
    ('TN', 'Tennessee', 'state', CURRENT_TIMESTAMP),
    ('TX', 'Texas', 'state', CURRENT_TIMESTAMP),
    ('UT', 'Utah', 'state', CURRENT_TIMESTAMP),
    ('VT', 'Vermont', 'state', CURRENT_TIMESTAMP),
    ('VA', 'Virginia', 'state', CURRENT_TIMESTAMP),
    ('WA', 'Washington', 'state', CURRENT_TIMESTAMP),
    ('WV', 'West Virginia', 'state', CURRENT_TIMESTAMP),
    ('WI', 'Wisconsin', 'state', CURRENT_TIMESTAMP),
    ('WY', 'Wyoming', 'state', CURRENT_TIMESTAMP),
    ('DC', 'District of Columbia', 'district', CURRENT_TIMESTAMP),
    ('AS', 'American Samoa', 'territory', CURRENT_TIMESTAMP),
    ('GU', 'Guam', 'territory', CURRENT_TIMESTAMP),
    ('MP', 'Northern Mariana Islands', 'territory', CURRENT_TIMESTAMP),
    ('PR', 'Puerto Rico', 'territory', CURRENT_TIMESTAMP),
    ('VI', 'U.S. Virgin Islands', 'territory', CURRENT_TIMESTAMP);

-- Invariants Prisma's schema language cannot express.
-- A date and its precision are set together, and a month or year is stored as the
-- first day of that period, so that sorting puts it at the start of its period.
ALTER TABLE "official"
    ADD CONSTRAINT "official_term_start_precision_check" CHECK (("term_start" IS NULL) = ("term_start_precision" IS NULL)),
    ADD CONSTRAINT "official_term_end_precision_check" CHECK (("term_end" IS NULL) = ("term_end_precision" IS NULL)),
    ADD CONSTRAINT "official_term_start_period_check" CHECK ("term_start_precision" IS NULL OR "term_start_precision" = 'day' OR date_trunc(CAST("term_start_precision" AS TEXT), CAST("term_start" AS TIMESTAMP)) = "term_start"),
    ADD CONSTRAINT "official_term_end_period_check" CHECK ("term_end_precision" IS NULL OR "term_end_precision" = 'day' OR date_trunc(CAST("term_end_precision" AS TEXT), CAST("term_end" AS TIMESTAMP)) = "term_end"),
    -- A term may end in the period it started (a term known to the year ends that year).
    ADD CONSTRAINT "official_term_end_after_start_check" CHECK ("term_end" IS NULL OR "term_start" IS NULL OR "term_end" + CASE "term_end_precision" WHEN 'year' THEN INTERVAL '1 year' WHEN 'month' THEN INTERVAL '1 month' ELSE INTERVAL '1 day' END > "term_start");
ALTER TABLE "lawsuit"
    ADD CONSTRAINT "lawsuit_date_terminated_precision_check" CHECK (("date_terminated" IS NULL) = ("date_terminated_precision" IS NULL)),
    ADD CONSTRAINT "lawsuit_date_terminated_period_check" CHECK ("date_terminated_precision" IS NULL OR "date_terminated_precision" = 'day' OR date_trunc(CAST("date_terminated_precision" AS TEXT), CAST("date_terminated" AS TIMESTAMP)) = "date_terminated"),
    ADD CONSTRAINT "lawsuit_date_filed_period_check" CHECK ("date_filed_precision" = 'day' OR date_trunc(CAST("date_filed_precision" AS TEXT), CAST("date_filed" AS TIMESTAMP)) = "date_filed"),
    -- The termination's period (a day, month or year) must not end before the filing date.
    ADD CONSTRAINT "lawsuit_terminated_after_filed_check" CHECK ("date_terminated" IS NULL OR "date_terminated" + CASE "date_terminated_precision" WHEN 'year' THEN INTERVAL '1 year' WHEN 'month' THEN INTERVAL '1 month' ELSE INTERVAL '1 day' END > "date_filed");
ALTER TABLE "filing"
    ADD CONSTRAINT "filing_date_filed_period_check" CHECK ("date_filed_precision" = 'day' OR date_trunc(CAST("date_filed_precision" AS TEXT), CAST("date_filed" AS TIMESTAMP)) = "date_filed"),
    ADD CONSTRAINT "filing_entry_number_check" CHECK ("entry_number" IS NULL OR "entry_number" >= 0),
    ADD CONSTRAINT "filing_not_responding_to_itself_check" CHECK ("responds_to_id" IS NULL OR "responds_to_id" <> "id");
ALTER TABLE "filing_state"
    ADD CONSTRAINT "filing_state_date_joined_precision_check" CHECK (("date_joined" IS NULL) = ("date_joined_precision" IS NULL)),
    ADD CONSTRAINT "filing_state_date_joined_period_check" CHECK ("date_joined_precision" IS NULL OR "date_joined_precision" = 'day' OR date_trunc(CAST("date_joined_precision" AS TEXT), CAST("date_joined" AS TIMESTAMP)) = "date_joined");
ALTER TABLE "source"
    ADD CONSTRAINT "source_published_precision_check" CHECK (("published" IS NULL) = ("published_precision" IS NULL)),
    ADD CONSTRAINT "source_published_period_check" CHECK ("published_precision" IS NULL OR "published_precision" = 'day' OR date_trunc(CAST("published_precision" AS TEXT), CAST("published" AS TIMESTAMP)) = "published"),
    ADD CONSTRAINT "source_one_parent_check" CHECK (("lawsuit_id" IS NULL) <> ("filing_id" IS NULL));
ALTER TABLE "lawsuit_relation"
    ADD CONSTRAINT "lawsuit_relation_not_to_itself_check" CHECK ("lawsuit_id" <> "related_lawsuit_id");
