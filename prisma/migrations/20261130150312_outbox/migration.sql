-- The reminder ledger becomes the outbox: its rows are kept (renamed), every later message joins them.

-- AlterTable
ALTER TABLE "PostedCard" ADD COLUMN     "deadAt" TIMESTAMP(3),
ADD COLUMN     "editedAt" TIMESTAMP(3);

-- Rename the ledger to the outbox, with Prisma's names for the new model
ALTER TYPE "ReminderStatus" RENAME TO "OutboxStatus";
ALTER TABLE "Reminder" RENAME TO "OutboxMessage";
ALTER TABLE "OutboxMessage" RENAME CONSTRAINT "Reminder_pkey" TO "OutboxMessage_pkey";
ALTER SEQUENCE "Reminder_id_seq" RENAME TO "OutboxMessage_id_seq";
ALTER TABLE "OutboxMessage" RENAME CONSTRAINT "Reminder_meetingId_fkey" TO "OutboxMessage_meetingId_fkey";
ALTER TABLE "OutboxMessage" RENAME COLUMN "fireAt" TO "notBefore";
ALTER INDEX "Reminder_status_fireAt_idx" RENAME TO "OutboxMessage_status_notBefore_idx";
DROP INDEX "Reminder_meetingId_kind_offsetMinutes_audience_key";
ALTER TABLE "OutboxMessage" DROP COLUMN "jobId";
ALTER TABLE "OutboxMessage" ALTER COLUMN "meetingId" DROP NOT NULL;

-- New columns; existing rows are reminders, named as the planner names them
ALTER TABLE "OutboxMessage" ADD COLUMN "dedupeKey" TEXT,
ADD COLUMN "networkId" INTEGER,
ADD COLUMN "payload" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
UPDATE "OutboxMessage" o SET
  "dedupeKey" = 'reminder:' || o."meetingId" || ':' || o."kind" || ':' || o."offsetMinutes" || ':' || o."audience",
  "networkId" = (SELECT m."networkId" FROM "Meeting" m WHERE m."id" = o."meetingId");
ALTER TABLE "OutboxMessage" ALTER COLUMN "dedupeKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_meetingId_idx" ON "OutboxMessage"("meetingId");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An action item's reminder goes to its owner; the item is named in the payload
UPDATE "OutboxMessage" SET
  payload = jsonb_build_object('entryId', split_part(audience, ':', 2)::int),
  audience = substring(audience from position('member:' in audience))
WHERE audience LIKE 'action:%';
UPDATE "OutboxMessage" SET payload = jsonb_build_object('turnId', split_part(audience, ':', 2)::int) WHERE audience LIKE 'turn:%';

-- Minutes copies still waiting become outbox rows (sent again from their first part); the old table goes
INSERT INTO "OutboxMessage" ("dedupeKey", kind, "networkId", "meetingId", audience, payload, "notBefore")
SELECT 'minutes:' || d."meetingId" || ':' || d.version || ':' || d.target, 'minutes-copy', m."networkId", d."meetingId", d.target,
       jsonb_build_object('version', d.version, 'part', 0), CURRENT_TIMESTAMP
FROM "MinutesDelivery" d JOIN "Meeting" m ON m.id = d."meetingId"
WHERE d."deliveredAt" IS NULL
ON CONFLICT ("dedupeKey") DO NOTHING;
DROP TABLE "MinutesDelivery";

-- Invitation DMs still to go out become outbox rows (as /invite writes them now); the flag goes
INSERT INTO "OutboxMessage" ("dedupeKey", kind, "networkId", "meetingId", audience, "notBefore")
SELECT 'invite:' || m.id || ':' || mb.id, 'card-dm', m."networkId", m.id, 'member:' || mb.id, CURRENT_TIMESTAMP
FROM "Meeting" m
JOIN "Member" mb ON mb."networkId" = m."networkId" AND mb."leftAt" IS NULL
JOIN "TelegramUser" u ON u.id = mb."userId" AND u."dmReachable"
WHERE m."directFanoutPending"
  AND NOT EXISTS (SELECT 1 FROM "PostedCard" pc WHERE pc."meetingId" = m.id AND pc.kind = 'direct' AND pc."telegramChatId" = mb."userId")
ON CONFLICT ("dedupeKey") DO NOTHING;
ALTER TABLE "Meeting" DROP COLUMN "directFanoutPending";
