-- CreateEnum
CREATE TYPE "MinutesEntryKind" AS ENUM ('note', 'decision', 'action');

-- CreateTable
CREATE TABLE "Minutes" (
    "meetingId" INTEGER NOT NULL,
    "takerId" BIGINT,
    "nextEntryNumber" INTEGER NOT NULL DEFAULT 1,
    "changed" BOOLEAN NOT NULL DEFAULT false,
    "approvedAt" TIMESTAMP(3),
    "approvedBy" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "MinutesEntry" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "MinutesEntryKind" NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" BIGINT NOT NULL,
    "ownerUsername" TEXT,
    "ownerOrganisationId" INTEGER,
    "ownerMemberId" INTEGER,
    "dueDate" TEXT,
    "publishedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "doneBy" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "MinutesEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "meetingId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedBy" BIGINT NOT NULL,
    "markdown" TEXT NOT NULL,

    CONSTRAINT "MinutesVersion_pkey" PRIMARY KEY ("meetingId","version")
);

-- CreateTable
CREATE TABLE "MinutesCard" (
    "telegramChatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "meetingId" INTEGER NOT NULL,

    CONSTRAINT "MinutesCard_pkey" PRIMARY KEY ("telegramChatId","messageId")
);

-- CreateIndex
CREATE INDEX "MinutesEntry_ownerMemberId_idx" ON "MinutesEntry"("ownerMemberId");

-- CreateIndex
CREATE INDEX "MinutesEntry_ownerOrganisationId_idx" ON "MinutesEntry"("ownerOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesEntry_meetingId_number_key" ON "MinutesEntry"("meetingId", "number");

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesEntry" ADD CONSTRAINT "MinutesEntry_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Minutes"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesEntry" ADD CONSTRAINT "MinutesEntry_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesEntry" ADD CONSTRAINT "MinutesEntry_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesVersion" ADD CONSTRAINT "MinutesVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Minutes"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesCard" ADD CONSTRAINT "MinutesCard_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Minutes"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

