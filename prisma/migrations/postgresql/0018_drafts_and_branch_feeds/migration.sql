-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "endsAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CalendarFeed" ADD COLUMN     "organizationId" TEXT;

-- CreateTable
CREATE TABLE "MeetingDraft" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingDraft_code_key" ON "MeetingDraft"("code");

-- CreateIndex
CREATE INDEX "MeetingDraft_personId_idx" ON "MeetingDraft"("personId");

