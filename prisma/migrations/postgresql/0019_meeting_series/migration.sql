-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "occurrenceAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MeetingSeries" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "groupId" TEXT,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "hostMemberId" TEXT,
    "recorderMemberId" TEXT,
    "rule" TEXT NOT NULL,
    "ruleText" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "durationMinutes" INTEGER,
    "firstDay" TEXT NOT NULL,
    "materialisedUntil" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingSeries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_code_key" ON "MeetingSeries"("code");

-- CreateIndex
CREATE INDEX "MeetingSeries_status_idx" ON "MeetingSeries"("status");

-- CreateIndex
CREATE INDEX "MeetingSeries_organizationId_idx" ON "MeetingSeries"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_seriesId_organizationId_occurrenceAt_key" ON "Meeting"("seriesId", "organizationId", "occurrenceAt");

