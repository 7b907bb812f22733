-- AlterTable
ALTER TABLE "MinutesVersion" ADD COLUMN     "content" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "MinutesDelivery" (
    "meetingId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "MinutesDelivery_pkey" PRIMARY KEY ("meetingId","version","target")
);

-- CreateIndex
CREATE INDEX "MinutesDelivery_deliveredAt_idx" ON "MinutesDelivery"("deliveredAt");

-- AddForeignKey
ALTER TABLE "MinutesDelivery" ADD CONSTRAINT "MinutesDelivery_meetingId_version_fkey" FOREIGN KEY ("meetingId", "version") REFERENCES "MinutesVersion"("meetingId", "version") ON DELETE CASCADE ON UPDATE CASCADE;

