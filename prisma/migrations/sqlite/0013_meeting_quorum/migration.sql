-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "quorumMet" BOOLEAN;

