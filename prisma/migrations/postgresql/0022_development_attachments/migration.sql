-- CreateTable
CREATE TABLE "DevelopmentAttachment" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DevelopmentAttachment_stepId_idx" ON "DevelopmentAttachment"("stepId");

-- AddForeignKey
ALTER TABLE "DevelopmentAttachment" ADD CONSTRAINT "DevelopmentAttachment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "DevelopmentStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

