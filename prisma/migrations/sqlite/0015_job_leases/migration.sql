-- Job runs with leases and retries. Columns are added in place (no table rebuild: nothing is
-- copied, no foreign key can fire).
ALTER TABLE "JobRun" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "JobRun" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "JobRun" ADD COLUMN "retryAt" DATETIME;
ALTER TABLE "JobRun" ADD COLUMN "reason" TEXT;
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");

-- CreateTable
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "installedAt" DATETIME NOT NULL
);
