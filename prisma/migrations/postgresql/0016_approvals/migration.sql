-- DropIndex
DROP INDEX "CommunityRegistration_organizationId_idx";

-- AlterTable
ALTER TABLE "CommunityRegistration" ADD COLUMN     "code" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'approved';

-- CreateTable
CREATE TABLE "TransferRequest" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,

    CONSTRAINT "TransferRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TransferRequest_code_key" ON "TransferRequest"("code");

-- CreateIndex
CREATE INDEX "TransferRequest_toId_status_idx" ON "TransferRequest"("toId", "status");

-- CreateIndex
CREATE INDEX "TransferRequest_memberId_status_idx" ON "TransferRequest"("memberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CommunityRegistration_code_key" ON "CommunityRegistration"("code");

-- CreateIndex
CREATE INDEX "CommunityRegistration_organizationId_status_idx" ON "CommunityRegistration"("organizationId", "status");

-- AddForeignKey
ALTER TABLE "TransferRequest" ADD CONSTRAINT "TransferRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferRequest" ADD CONSTRAINT "TransferRequest_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferRequest" ADD CONSTRAINT "TransferRequest_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

