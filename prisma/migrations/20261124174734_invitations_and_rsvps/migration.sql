-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('yes', 'maybe', 'no');

-- CreateEnum
CREATE TYPE "RsvpSource" AS ENUM ('button', 'reply', 'command');

-- CreateEnum
CREATE TYPE "CardKind" AS ENUM ('group', 'direct');

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "directFanoutPending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "invitedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Rsvp" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" "RsvpStatus" NOT NULL,
    "partySize" INTEGER NOT NULL DEFAULT 1,
    "waitlistedAt" TIMESTAMP(3),
    "source" "RsvpSource" NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rsvp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostedCard" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "kind" "CardKind" NOT NULL,
    "telegramChatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL,
    "shown" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostedCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dialogue" (
    "telegramChatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dialogue_pkey" PRIMARY KEY ("telegramChatId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_meetingId_memberId_key" ON "Rsvp"("meetingId", "memberId");

-- CreateIndex
CREATE INDEX "PostedCard_meetingId_idx" ON "PostedCard"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "PostedCard_telegramChatId_messageId_key" ON "PostedCard"("telegramChatId", "messageId");

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostedCard" ADD CONSTRAINT "PostedCard_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

