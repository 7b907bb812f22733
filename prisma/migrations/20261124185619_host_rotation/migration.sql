-- CreateEnum
CREATE TYPE "HostTurnStatus" AS ENUM ('proposed', 'accepted', 'declined', 'skipped', 'swapped', 'expired', 'assigned');

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "hostAnswerHours" INTEGER NOT NULL DEFAULT 72;

-- CreateTable
CREATE TABLE "HostTurn" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "status" "HostTurnStatus" NOT NULL,
    "deadline" TIMESTAMP(3),
    "swapWithId" INTEGER,
    "respondedBy" BIGINT,
    "respondedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostChecklistItem" (
    "meetingId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneBy" BIGINT,

    CONSTRAINT "HostChecklistItem_pkey" PRIMARY KEY ("meetingId","item")
);

-- CreateIndex
CREATE INDEX "HostTurn_meetingId_idx" ON "HostTurn"("meetingId");

-- CreateIndex
CREATE INDEX "HostTurn_organisationId_idx" ON "HostTurn"("organisationId");

-- AddForeignKey
ALTER TABLE "HostTurn" ADD CONSTRAINT "HostTurn_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostTurn" ADD CONSTRAINT "HostTurn_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostChecklistItem" ADD CONSTRAINT "HostChecklistItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

