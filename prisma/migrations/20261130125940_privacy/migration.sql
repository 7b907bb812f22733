-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "TelegramUser" ADD COLUMN     "privateNetworkAt" TIMESTAMP(3),
ADD COLUMN     "privateNetworkId" INTEGER;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "leftAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "subjectUserId" BIGINT;

-- AlterTable
ALTER TABLE "Rsvp" ADD COLUMN     "organisationId" INTEGER,
ALTER COLUMN "memberId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "organisationId" INTEGER,
ALTER COLUMN "memberId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "MinutesEntry" ALTER COLUMN "authorId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEntry_subjectUserId_idx" ON "AuditEntry"("subjectUserId");

