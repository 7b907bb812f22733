-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('municipality', 'association', 'other');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('organiser', 'member');

-- CreateTable
CREATE TABLE "Network" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "seriesTitle" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Istanbul',
    "locale" TEXT NOT NULL DEFAULT 'tr',
    "nextMeetingNumber" INTEGER NOT NULL DEFAULT 1,
    "joinCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" SERIAL NOT NULL,
    "telegramChatId" BIGINT NOT NULL,
    "topicId" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT,
    "networkId" INTEGER NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "networkId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "shortNameKey" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL DEFAULT 'other',
    "canHost" BOOLEAN NOT NULL DEFAULT true,
    "rotationPosition" INTEGER NOT NULL,
    "venueName" TEXT,
    "venueAddress" TEXT,
    "accessibilityNotes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TelegramUser" (
    "id" BIGINT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT,
    "username" TEXT,
    "languageCode" TEXT,
    "locale" TEXT,
    "dmReachable" BOOLEAN NOT NULL DEFAULT false,
    "dmChangedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TelegramUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "networkId" INTEGER NOT NULL,
    "userId" BIGINT NOT NULL,
    "organisationId" INTEGER,
    "role" "MemberRole" NOT NULL DEFAULT 'member',
    "isHostContact" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Network_joinCode_key" ON "Network"("joinCode");

-- CreateIndex
CREATE INDEX "Chat_networkId_idx" ON "Chat"("networkId");

-- CreateIndex
CREATE UNIQUE INDEX "Chat_telegramChatId_topicId_key" ON "Chat"("telegramChatId", "topicId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_networkId_nameKey_key" ON "Organisation"("networkId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_networkId_shortNameKey_key" ON "Organisation"("networkId", "shortNameKey");

-- CreateIndex
CREATE INDEX "Member_organisationId_idx" ON "Member"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_networkId_userId_key" ON "Member"("networkId", "userId");

-- AddForeignKey
ALTER TABLE "Chat" ADD CONSTRAINT "Chat_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "TelegramUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
