-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('scheduled', 'sending', 'sent', 'cancelled', 'skipped', 'failed');

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "quietFrom" INTEGER NOT NULL DEFAULT 1260,
ADD COLUMN     "quietUntil" INTEGER NOT NULL DEFAULT 540,
ADD COLUMN     "reminderOffsets" INTEGER[] DEFAULT ARRAY[10080, 1440, 120]::INTEGER[];

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "reminderOffsets" INTEGER[];

-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL DEFAULT 0,
    "audience" TEXT NOT NULL,
    "fireAt" TIMESTAMP(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'scheduled',
    "jobId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reminder_status_fireAt_idx" ON "Reminder"("status", "fireAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_meetingId_kind_offsetMinutes_audience_key" ON "Reminder"("meetingId", "kind", "offsetMinutes", "audience");

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

