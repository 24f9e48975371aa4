-- Sign-in limits that cannot be worked around (docs/decisions/010-sign-in-limits.md):
-- attempts are counted by network (an IPv4 address, an IPv6 /64, or "unknown"), and
-- recorded before the password is checked, so that a refused try is recorded too.

-- CreateEnum
CREATE TYPE "login_outcome" AS ENUM ('succeeded', 'failed', 'refused');

-- AlterTable
ALTER TABLE "login_attempt" ADD COLUMN "network" TEXT, ADD COLUMN "outcome" "login_outcome";
UPDATE "login_attempt"
SET "network" = coalesce("ip", 'unknown'),
    "outcome" = CASE WHEN "succeeded" THEN 'succeeded'::"login_outcome" ELSE 'failed'::"login_outcome" END;
ALTER TABLE "login_attempt"
    ALTER COLUMN "network" SET NOT NULL,
    ALTER COLUMN "outcome" SET NOT NULL,
    DROP COLUMN "succeeded";

-- DropIndex
DROP INDEX "login_attempt_ip_created_at_idx";

-- CreateIndex
CREATE INDEX "login_attempt_network_created_at_idx" ON "login_attempt"("network", "created_at");
