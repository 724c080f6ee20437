-- CreateTable
CREATE TABLE "JobRun" (
    "jobId" TEXT NOT NULL,
    "slot" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "result" TEXT,
    "error" TEXT,

    PRIMARY KEY ("jobId", "slot")
);

-- CreateIndex
CREATE INDEX "JobRun_jobId_status_idx" ON "JobRun"("jobId", "status");

