-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "defaultDurationMinutes" INTEGER NOT NULL DEFAULT 300;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "capacity" INTEGER,
ADD COLUMN     "icsSequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "onlineLink" TEXT,
ADD COLUMN     "rsvpDeadline" TIMESTAMP(3);

