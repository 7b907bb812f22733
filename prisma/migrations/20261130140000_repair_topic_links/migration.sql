-- Before linking needed a chat admin, an organiser of any network could link a topic of someone
-- else's group, and the topic's link outranked the chat's. Such topic links (a topic linked to a
-- network other than its chat's) are removed, each with an audit entry in the network that lost
-- it, and what was still to be sent there is withdrawn.
INSERT INTO "AuditEntry" ("networkId", "actorId", "action", "subject", "before", "at")
SELECT t."networkId", 0, 'chat.unlink.repair', COALESCE(t."title", t."telegramChatId"::text),
       jsonb_build_object('chatId', t."telegramChatId"::text, 'topicId', t."topicId"), CURRENT_TIMESTAMP
FROM "Chat" t
JOIN "Chat" c ON c."telegramChatId" = t."telegramChatId" AND c."topicId" = 0 AND c."networkId" <> t."networkId"
WHERE t."topicId" <> 0;

UPDATE "Reminder" r SET status = 'cancelled', reason = 'chat unlinked'
FROM "Chat" t, "Chat" c, "Meeting" m
WHERE t."topicId" <> 0 AND c."telegramChatId" = t."telegramChatId" AND c."topicId" = 0 AND c."networkId" <> t."networkId"
  AND m.id = r."meetingId" AND m."networkId" = t."networkId" AND r.status = 'scheduled'
  AND r.audience = 'chat:' || t."telegramChatId"::text || ':' || t."topicId"::text;

DELETE FROM "PostedCard" p
USING "Chat" t, "Chat" c, "Meeting" m
WHERE t."topicId" <> 0 AND c."telegramChatId" = t."telegramChatId" AND c."topicId" = 0 AND c."networkId" <> t."networkId"
  AND m.id = p."meetingId" AND m."networkId" = t."networkId" AND p."telegramChatId" = t."telegramChatId" AND p."topicId" = t."topicId";

DELETE FROM "Chat" t
USING "Chat" c
WHERE t."topicId" <> 0 AND c."telegramChatId" = t."telegramChatId" AND c."topicId" = 0 AND c."networkId" <> t."networkId";
