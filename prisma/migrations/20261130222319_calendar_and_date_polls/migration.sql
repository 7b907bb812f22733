-- CreateEnum
CREATE TYPE "DatePollStatus" AS ENUM ('open', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "DatePollAnswer" AS ENUM ('yes', 'maybe', 'no');

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "publicCalendarToken" TEXT;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" BIGINT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "messageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fetchedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "CalendarFeedState" (
    "feedKey" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "modifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarFeedState_pkey" PRIMARY KEY ("feedKey")
);

-- CreateTable
CREATE TABLE "DatePoll" (
    "id" SERIAL NOT NULL,
    "networkId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" TIMESTAMP(3),
    "status" "DatePollStatus" NOT NULL DEFAULT 'open',
    "createdBy" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "chosenPosition" INTEGER,
    "meetingId" INTEGER,

    CONSTRAINT "DatePoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatePollCandidate" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatePollCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatePollVote" (
    "candidateId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "answer" "DatePollAnswer" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatePollVote_pkey" PRIMARY KEY ("candidateId","memberId")
);

-- CreateTable
CREATE TABLE "DatePollCard" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "telegramChatId" BIGINT NOT NULL,
    "topicId" INTEGER NOT NULL DEFAULT 0,
    "messageId" INTEGER NOT NULL,
    "shown" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deadAt" TIMESTAMP(3),

    CONSTRAINT "DatePollCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "DatePoll_meetingId_key" ON "DatePoll"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "DatePoll_networkId_number_key" ON "DatePoll"("networkId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DatePollCandidate_pollId_position_key" ON "DatePollCandidate"("pollId", "position");

-- CreateIndex
CREATE INDEX "DatePollVote_memberId_idx" ON "DatePollVote"("memberId");

-- CreateIndex
CREATE INDEX "DatePollCard_pollId_idx" ON "DatePollCard"("pollId");

-- CreateIndex
CREATE UNIQUE INDEX "DatePollCard_telegramChatId_messageId_key" ON "DatePollCard"("telegramChatId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Network_publicCalendarToken_key" ON "Network"("publicCalendarToken");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "TelegramUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePoll" ADD CONSTRAINT "DatePoll_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePoll" ADD CONSTRAINT "DatePoll_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollCandidate" ADD CONSTRAINT "DatePollCandidate_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "DatePoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollVote" ADD CONSTRAINT "DatePollVote_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "DatePollCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollVote" ADD CONSTRAINT "DatePollVote_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatePollCard" ADD CONSTRAINT "DatePollCard_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "DatePoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

