-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "exemptReason" TEXT;

