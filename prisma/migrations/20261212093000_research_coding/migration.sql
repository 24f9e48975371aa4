-- Research coding (issue 12; docs/decisions/020): the policies a lawsuit challenges,
-- issue areas, each state's side, the outcome for the states and relief milestones,
-- each coded value with its sources; and the administrations, from which a date's
-- administration is derived (administration_of), never typed.

-- CreateEnum
ALTER TYPE "record_kind" ADD VALUE 'issue-area';
ALTER TYPE "record_kind" ADD VALUE 'policy';
ALTER TYPE "record_kind" ADD VALUE 'lawsuit-coding';

-- CreateEnum
CREATE TYPE "state_side" AS ENUM ('plaintiff', 'intervenor-plaintiff', 'defendant', 'intervenor-defendant', 'amicus-plaintiff-side', 'amicus-defendant-side');

-- CreateEnum
CREATE TYPE "outcome_class" AS ENUM ('success-merits', 'success-injunction-only', 'mixed', 'failure-merits', 'failure-procedural', 'settled', 'withdrawn', 'moot', 'pending', 'unknown');

-- CreateEnum
CREATE TYPE "relief_kind" AS ENUM ('tro', 'preliminary-injunction', 'permanent-injunction', 'vacatur', 'stay');

-- CreateEnum
CREATE TYPE "relief_status" AS ENUM ('requested', 'granted', 'denied', 'stayed-on-appeal');

-- CreateEnum
CREATE TYPE "relief_scope" AS ENUM ('parties-only', 'plaintiff-states', 'nationwide');

-- AlterTable
ALTER TABLE "source" ADD COLUMN "policy_id" TEXT,
ADD COLUMN "coding_lawsuit_id" TEXT,
ADD COLUMN "outcome_lawsuit_id" TEXT,
ADD COLUMN "state_side_id" INTEGER,
ADD COLUMN "relief_milestone_id" INTEGER;

-- CreateTable
CREATE TABLE "administration" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "president" TEXT NOT NULL,
    "term_start" DATE NOT NULL,
    "term_end" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "administration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issue_area" (
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "issue_area_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "policy" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "agencies" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "date_announced" DATE,
    "date_announced_precision" "date_precision",
    "citation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_issue_area" (
    "policy_id" TEXT NOT NULL,
    "issue_area_slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "policy_issue_area_pkey" PRIMARY KEY ("policy_id","issue_area_slug")
);

-- CreateTable
CREATE TABLE "lawsuit_coding" (
    "lawsuit_id" TEXT NOT NULL,
    "outcome" "outcome_class" NOT NULL DEFAULT 'unknown',
    "outcome_date" DATE,
    "outcome_date_precision" "date_precision",
    "outcome_decided_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_coding_pkey" PRIMARY KEY ("lawsuit_id")
);

-- CreateTable
CREATE TABLE "lawsuit_policy" (
    "lawsuit_id" TEXT NOT NULL,
    "policy_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_policy_pkey" PRIMARY KEY ("lawsuit_id","policy_id")
);

-- CreateTable
CREATE TABLE "lawsuit_issue_area" (
    "lawsuit_id" TEXT NOT NULL,
    "issue_area_slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_issue_area_pkey" PRIMARY KEY ("lawsuit_id","issue_area_slug")
);

-- CreateTable
CREATE TABLE "lawsuit_state_side" (
    "id" SERIAL NOT NULL,
    "lawsuit_id" TEXT NOT NULL,
    "jurisdiction_code" CHAR(2) NOT NULL,
    "side" "state_side" NOT NULL,
    "filing_id" TEXT,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lawsuit_state_side_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relief_milestone" (
    "id" SERIAL NOT NULL,
    "lawsuit_id" TEXT NOT NULL,
    "relief" "relief_kind" NOT NULL,
    "status" "relief_status" NOT NULL,
    "date" DATE,
    "date_precision" "date_precision",
    "scope" "relief_scope",
    "filing_id" TEXT,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "relief_milestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_policy_id_idx" ON "source"("policy_id");

-- CreateIndex
CREATE INDEX "source_coding_lawsuit_id_idx" ON "source"("coding_lawsuit_id");

-- CreateIndex
CREATE INDEX "source_outcome_lawsuit_id_idx" ON "source"("outcome_lawsuit_id");

-- CreateIndex
CREATE INDEX "source_state_side_id_idx" ON "source"("state_side_id");

-- CreateIndex
CREATE INDEX "source_relief_milestone_id_idx" ON "source"("relief_milestone_id");

-- CreateIndex
CREATE INDEX "policy_issue_area_issue_area_slug_idx" ON "policy_issue_area"("issue_area_slug");

-- CreateIndex
CREATE INDEX "lawsuit_coding_outcome_idx" ON "lawsuit_coding"("outcome");

-- CreateIndex
CREATE INDEX "lawsuit_coding_outcome_decided_by_id_idx" ON "lawsuit_coding"("outcome_decided_by_id");

-- CreateIndex
CREATE INDEX "lawsuit_policy_policy_id_idx" ON "lawsuit_policy"("policy_id");

-- CreateIndex
CREATE INDEX "lawsuit_issue_area_issue_area_slug_idx" ON "lawsuit_issue_area"("issue_area_slug");

-- CreateIndex
CREATE INDEX "lawsuit_state_side_jurisdiction_code_side_idx" ON "lawsuit_state_side"("jurisdiction_code", "side");

-- CreateIndex
CREATE INDEX "lawsuit_state_side_filing_id_idx" ON "lawsuit_state_side"("filing_id");

-- CreateIndex
CREATE UNIQUE INDEX "lawsuit_state_side_lawsuit_id_jurisdiction_code_key" ON "lawsuit_state_side"("lawsuit_id", "jurisdiction_code");

-- CreateIndex
CREATE INDEX "relief_milestone_relief_status_idx" ON "relief_milestone"("relief", "status");

-- CreateIndex
CREATE INDEX "relief_milestone_filing_id_idx" ON "relief_milestone"("filing_id");

-- CreateIndex
CREATE UNIQUE INDEX "relief_milestone_lawsuit_id_position_key" ON "relief_milestone"("lawsuit_id", "position");

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_coding_lawsuit_id_fkey" FOREIGN KEY ("coding_lawsuit_id") REFERENCES "lawsuit_coding"("lawsuit_id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_outcome_lawsuit_id_fkey" FOREIGN KEY ("outcome_lawsuit_id") REFERENCES "lawsuit_coding"("lawsuit_id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_state_side_id_fkey" FOREIGN KEY ("state_side_id") REFERENCES "lawsuit_state_side"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_relief_milestone_id_fkey" FOREIGN KEY ("relief_milestone_id") REFERENCES "relief_milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "policy_issue_area" ADD CONSTRAINT "policy_issue_area_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "policy_issue_area" ADD CONSTRAINT "policy_issue_area_issue_area_slug_fkey" FOREIGN KEY ("issue_area_slug") REFERENCES "issue_area"("slug") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_coding" ADD CONSTRAINT "lawsuit_coding_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_coding" ADD CONSTRAINT "lawsuit_coding_outcome_decided_by_id_fkey" FOREIGN KEY ("outcome_decided_by_id") REFERENCES "filing"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_policy" ADD CONSTRAINT "lawsuit_policy_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit_coding"("lawsuit_id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_policy" ADD CONSTRAINT "lawsuit_policy_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_issue_area" ADD CONSTRAINT "lawsuit_issue_area_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit_coding"("lawsuit_id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_issue_area" ADD CONSTRAINT "lawsuit_issue_area_issue_area_slug_fkey" FOREIGN KEY ("issue_area_slug") REFERENCES "issue_area"("slug") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_state_side" ADD CONSTRAINT "lawsuit_state_side_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit_coding"("lawsuit_id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_state_side" ADD CONSTRAINT "lawsuit_state_side_jurisdiction_code_fkey" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdiction"("code") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "lawsuit_state_side" ADD CONSTRAINT "lawsuit_state_side_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "relief_milestone" ADD CONSTRAINT "relief_milestone_lawsuit_id_fkey" FOREIGN KEY ("lawsuit_id") REFERENCES "lawsuit_coding"("lawsuit_id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "relief_milestone" ADD CONSTRAINT "relief_milestone_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- What Prisma's schema language cannot say (docs/decisions/002).
ALTER TABLE "source" DROP CONSTRAINT "source_one_parent_check",
    ADD CONSTRAINT "source_one_parent_check" CHECK (num_nonnulls("lawsuit_id", "filing_id", "policy_id", "coding_lawsuit_id", "outcome_lawsuit_id", "state_side_id", "relief_milestone_id") = 1);

ALTER TABLE "administration"
    ADD CONSTRAINT "administration_term_check" CHECK ("term_end" IS NULL OR "term_end" > "term_start");

ALTER TABLE "policy"
    ADD CONSTRAINT "policy_date_announced_precision_check" CHECK (("date_announced" IS NULL) = ("date_announced_precision" IS NULL)),
    ADD CONSTRAINT "policy_date_announced_period_check" CHECK ("date_announced_precision" IS NULL OR "date_announced_precision" = 'day' OR date_trunc(CAST("date_announced_precision" AS TEXT), CAST("date_announced" AS TIMESTAMP)) = "date_announced"),
    ADD CONSTRAINT "policy_version_check" CHECK ("version" >= 1);

ALTER TABLE "issue_area"
    ADD CONSTRAINT "issue_area_version_check" CHECK ("version" >= 1);

ALTER TABLE "lawsuit_coding"
    ADD CONSTRAINT "lawsuit_coding_outcome_date_precision_check" CHECK (("outcome_date" IS NULL) = ("outcome_date_precision" IS NULL)),
    ADD CONSTRAINT "lawsuit_coding_outcome_date_period_check" CHECK ("outcome_date_precision" IS NULL OR "outcome_date_precision" = 'day' OR date_trunc(CAST("outcome_date_precision" AS TEXT), CAST("outcome_date" AS TIMESTAMP)) = "outcome_date"),
    ADD CONSTRAINT "lawsuit_coding_version_check" CHECK ("version" >= 1);

ALTER TABLE "relief_milestone"
    ADD CONSTRAINT "relief_milestone_date_precision_check" CHECK (("date" IS NULL) = ("date_precision" IS NULL)),
    ADD CONSTRAINT "relief_milestone_date_period_check" CHECK ("date_precision" IS NULL OR "date_precision" = 'day' OR date_trunc(CAST("date_precision" AS TEXT), CAST("date" AS TIMESTAMP)) = "date");

-- The administration of a date known to a precision: the one whose term holds the whole
-- period (a term runs from its inauguration day up to the next one, which belongs to
-- the incoming administration). NULL when the period straddles two terms ("2021" or
-- "January 2021") or the date is unknown: a coder's guess is not derived data.
CREATE FUNCTION "administration_of"(d DATE, p "date_precision") RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT a."id" FROM "administration" a
    WHERE a."term_start" <= d
      AND (a."term_end" IS NULL OR a."term_end" >= d + CASE p WHEN 'year' THEN INTERVAL '1 year' WHEN 'month' THEN INTERVAL '1 month' ELSE INTERVAL '1 day' END)
$$;

-- The reference list of administrations is part of the schema, like the jurisdictions.
INSERT INTO "administration" ("id", "name", "president", "term_start", "term_end", "updated_at") VALUES
    ('reagan', 'Reagan administration', 'Ronald Reagan', '1981-01-20', '1989-01-20', CURRENT_TIMESTAMP),
    ('bush-41', 'George H. W. Bush administration', 'George H. W. Bush', '1989-01-20', '1993-01-20', CURRENT_TIMESTAMP),
    ('clinton', 'Clinton administration', 'Bill Clinton', '1993-01-20', '2001-01-20', CURRENT_TIMESTAMP),
    ('bush-43', 'George W. Bush administration', 'George W. Bush', '2001-01-20', '2009-01-20', CURRENT_TIMESTAMP),
    ('obama', 'Obama administration', 'Barack Obama', '2009-01-20', '2017-01-20', CURRENT_TIMESTAMP),
    ('trump-1', 'First Trump administration', 'Donald J. Trump', '2017-01-20', '2021-01-20', CURRENT_TIMESTAMP),
    ('biden', 'Biden administration', 'Joseph R. Biden Jr.', '2021-01-20', '2025-01-20', CURRENT_TIMESTAMP),
    ('trump-2', 'Second Trump administration', 'Donald J. Trump', '2025-01-20', NULL, CURRENT_TIMESTAMP);

-- The starting vocabulary of issue areas; admins and datasets may edit and extend it.
INSERT INTO "issue_area" ("slug", "label", "definition", "updated_at") VALUES
    ('immigration', 'Immigration', 'Admission, detention, removal and treatment of noncitizens, asylum and refugee processing, border enforcement, and the separation or detention of migrant families.', CURRENT_TIMESTAMP),
    ('environment', 'Environment', 'Air, water, climate, land and wildlife protection, and the environmental review of federal actions.', CURRENT_TIMESTAMP),
    ('energy', 'Energy', 'Energy production, efficiency standards, pipelines and the regulation of utilities.', CURRENT_TIMESTAMP),
    ('health-care', 'Health care', 'Health insurance, Medicaid and Medicare, reproductive health, public health and the regulation of drugs and providers.', CURRENT_TIMESTAMP),
    ('education', 'Education', 'Schools, student loans and the federal rules and funding of education.', CURRENT_TIMESTAMP),
    ('civil-rights', 'Civil rights', 'Discrimination, equal protection, and the rights of protected groups under federal law.', CURRENT_TIMESTAMP),
    ('consumer-protection', 'Consumer protection', 'Financial services, consumer credit, data privacy and unfair or deceptive practices.', CURRENT_TIMESTAMP),
    ('labor', 'Labor and employment', 'Wages, workplace safety, collective bargaining and the rights of workers.', CURRENT_TIMESTAMP),
    ('elections', 'Elections and the census', 'Voting, elections, redistricting and the census.', CURRENT_TIMESTAMP),
    ('federal-funding', 'Federal funding', 'Grants and other federal money to states and localities, and the conditions attached to them.', CURRENT_TIMESTAMP),
    ('firearms', 'Firearms', 'The regulation of guns and their parts.', CURRENT_TIMESTAMP);

-- Every write to what the public can see empties the page cache (migration 20261202090000).
DO $$
DECLARE
  content_table text;
BEGIN
  FOREACH content_table IN ARRAY ARRAY[
    'administration', 'issue_area', 'policy', 'policy_issue_area', 'lawsuit_coding', 'lawsuit_policy',
    'lawsuit_issue_area', 'lawsuit_state_side', 'relief_milestone'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER "notify_content_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
         FOR EACH STATEMENT EXECUTE FUNCTION "docketline_notify_content_change"()',
      content_table);
  END LOOP;
END;
$$;
