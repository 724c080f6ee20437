-- AlterTable
ALTER TABLE "Meeting" DROP COLUMN "version";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'reply';

-- AlterTable
ALTER TABLE "PostedMessage" DROP COLUMN "version";

