-- AlterTable
ALTER TABLE "PostedMessage" ADD COLUMN "link" TEXT;

