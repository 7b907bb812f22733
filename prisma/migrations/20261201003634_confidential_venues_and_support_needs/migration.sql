-- CreateEnum
CREATE TYPE "SupportNeedKind" AS ENUM ('childcare', 'transport', 'interpretation_tid', 'interpretation_kurdish', 'interpretation_arabic', 'interpretation_other', 'accessibility', 'diet');

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "venueRevealHours" INTEGER NOT NULL DEFAULT 48;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "district" TEXT,
ADD COLUMN     "needTotals" JSONB,
ADD COLUMN     "venuePrivate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SupportNeed" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "kind" "SupportNeedKind" NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VenueReveal" (
    "meetingId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "undeliveredAt" TIMESTAMP(3),

    CONSTRAINT "VenueReveal_pkey" PRIMARY KEY ("meetingId","memberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupportNeed_meetingId_memberId_kind_key" ON "SupportNeed"("meetingId", "memberId", "kind");

-- AddForeignKey
ALTER TABLE "SupportNeed" ADD CONSTRAINT "SupportNeed_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportNeed" ADD CONSTRAINT "SupportNeed_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VenueReveal" ADD CONSTRAINT "VenueReveal_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VenueReveal" ADD CONSTRAINT "VenueReveal_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

