-- CreateTable
CREATE TABLE "JobRun" (
    "jobId" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "result" TEXT,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("jobId","slot")
);

-- CreateIndex
CREATE INDEX "JobRun_jobId_status_idx" ON "JobRun"("jobId", "status");

