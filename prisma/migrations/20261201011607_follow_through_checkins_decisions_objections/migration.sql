-- CreateEnum
CREATE TYPE "TaskProgress" AS ENUM ('open', 'in_progress', 'blocked');

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "objectionDays" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "Minutes" ADD COLUMN     "nextObjectionNumber" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MinutesEntry" ADD COLUMN     "blockedReason" TEXT,
ADD COLUMN     "decisionNumber" INTEGER,
ADD COLUMN     "progress" "TaskProgress" NOT NULL DEFAULT 'open',
ADD COLUMN     "progressAt" TIMESTAMP(3),
ADD COLUMN     "progressBy" BIGINT,
ADD COLUMN     "supersededById" INTEGER;

-- CreateTable
CREATE TABLE "MinutesObjection" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "memberId" INTEGER,
    "entryId" INTEGER,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" BIGINT,
    "resolution" TEXT,

    CONSTRAINT "MinutesObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MinutesObjection_meetingId_number_key" ON "MinutesObjection"("meetingId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesEntry_meetingId_decisionNumber_key" ON "MinutesEntry"("meetingId", "decisionNumber");

-- AddForeignKey
ALTER TABLE "MinutesEntry" ADD CONSTRAINT "MinutesEntry_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "MinutesEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesObjection" ADD CONSTRAINT "MinutesObjection_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Minutes"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesObjection" ADD CONSTRAINT "MinutesObjection_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesObjection" ADD CONSTRAINT "MinutesObjection_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "MinutesEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Decisions already published get their numbers, in the order they were written.
UPDATE "MinutesEntry" AS e SET "decisionNumber" = numbered.n
FROM (
  SELECT id, row_number() OVER (PARTITION BY "meetingId" ORDER BY number) AS n
  FROM "MinutesEntry"
  WHERE kind = 'decision' AND "publishedAt" IS NOT NULL AND "deletedAt" IS NULL
) AS numbered
WHERE e.id = numbered.id;
