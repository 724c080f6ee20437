-- CreateTable
CREATE TABLE "TransferRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "reason" TEXT,
    CONSTRAINT "TransferRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TransferRequest_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TransferRequest_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable (columns added in place: a table rebuild is not needed for new nullable/defaulted columns)
ALTER TABLE "CommunityRegistration" ADD COLUMN "code" TEXT;
ALTER TABLE "CommunityRegistration" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE "CommunityRegistration" ADD COLUMN "decidedById" TEXT;
ALTER TABLE "CommunityRegistration" ADD COLUMN "decidedAt" DATETIME;
ALTER TABLE "CommunityRegistration" ADD COLUMN "reason" TEXT;
DROP INDEX "CommunityRegistration_organizationId_idx";
CREATE UNIQUE INDEX "CommunityRegistration_code_key" ON "CommunityRegistration"("code");
CREATE INDEX "CommunityRegistration_organizationId_status_idx" ON "CommunityRegistration"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TransferRequest_code_key" ON "TransferRequest"("code");

-- CreateIndex
CREATE INDEX "TransferRequest_toId_status_idx" ON "TransferRequest"("toId", "status");

-- CreateIndex
CREATE INDEX "TransferRequest_memberId_status_idx" ON "TransferRequest"("memberId", "status");

