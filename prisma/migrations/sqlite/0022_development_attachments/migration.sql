-- CreateTable
CREATE TABLE "DevelopmentAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stepId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "DevelopmentAttachment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "DevelopmentStep" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DevelopmentAttachment_stepId_idx" ON "DevelopmentAttachment"("stepId");

