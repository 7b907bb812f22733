import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openDatabase, type Database } from "../../src/db/client.ts";
import { applyMigrations, readMigrations } from "../../src/db/migrate.ts";
import { UserService } from "../../src/features/users/service.ts";
import { openMemoryDatabase, tempDir } from "../support/harness.ts";

describe("migrations", () => {
  it("apply once, are recorded in Prisma's table, and are skipped the second time", async () => {
    const pglite = await PGlite.create();
    try {
      const names = (await readMigrations(MIGRATIONS_DIR)).map((m) => m.name);
      expect(await applyMigrations(pglite, MIGRATIONS_DIR)).toEqual(names);
      expect(await applyMigrations(pglite, MIGRATIONS_DIR)).toEqual([]);
      const { rows } = await pglite.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
        `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations"`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    } finally {
      await pglite.close();
    }
  });

  it("refuse to start when an applied migration was edited", async () => {
    const dir = await tempDir();
    const pglite = await PGlite.create();
    try {
      const copy = path.join(dir.path, "migrations");
      await cp(MIGRATIONS_DIR, copy, { recursive: true });
      await applyMigrations(pglite, copy);
      const [first] = await readMigrations(copy);
      await writeFile(path.join(copy, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
      await expect(applyMigrations(pglite, copy)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await pglite.close();
      await dir.remove();
    }
  });

  it("remove topic links that a stranger's network took in someone else's chat, with an audit entry", async () => {
    const dir = await tempDir();
    const pglite = await PGlite.create();
    try {
      // Every migration before the repair, then the state the old /link allowed, then the repair.
      const before = path.join(dir.path, "before");
      const all = await readMigrations(MIGRATIONS_DIR);
      const repair = all.findIndex((m) => m.name.endsWith("_repair_topic_links"));
      for (const migration of all.slice(0, repair)) await cp(path.join(MIGRATIONS_DIR, migration.name), path.join(before, migration.name), { recursive: true });
      await applyMigrations(pglite, before);
      await pglite.exec(`
        INSERT INTO "Network" (id, name, "seriesTitle", "joinCode") VALUES (1, 'İzmir', 'İzmir', 'AAAAAAAA'), (2, 'Yabancı', 'Yabancı', 'BBBBBBBB');
        INSERT INTO "Chat" ("telegramChatId", "topicId", "networkId") VALUES (-100, 0, 1), (-100, 7, 2), (-100, 8, 1), (-200, 5, 2);
        INSERT INTO "Meeting" (id, "networkId", number, title, "startsAt", "endsAt") VALUES (1, 2, 1, 'x', now(), now());
        INSERT INTO "Reminder" ("meetingId", kind, audience, "fireAt") VALUES (1, 'group-summary', 'chat:-100:7', now()), (1, 'group-summary', 'chat:-200:5', now());`);
      await applyMigrations(pglite, MIGRATIONS_DIR);
      const chats = await pglite.query<{ chat: string }>(`SELECT "telegramChatId"::text || ':' || "topicId" || '@' || "networkId" AS chat FROM "Chat" ORDER BY 1`);
      // The hijacked topic is gone; the chat's own topic and another network's topic in an unlinked chat stay.
      expect(chats.rows.map((r) => r.chat)).toEqual(["-100:0@1", "-100:8@1", "-200:5@2"]);
      // (The reminder ledger has since become the outbox.)
      const reminders = await pglite.query<{ audience: string; status: string }>(`SELECT audience, status::text FROM "OutboxMessage" ORDER BY audience`);
      expect(reminders.rows).toEqual([{ audience: "chat:-100:7", status: "cancelled" }, { audience: "chat:-200:5", status: "scheduled" }]);
      const audit = await pglite.query<{ networkId: number; action: string }>(`SELECT "networkId", action FROM "AuditEntry"`);
      expect(audit.rows).toEqual([{ networkId: 2, action: "chat.unlink.repair" }]);
    } finally {
      await pglite.close();
      await dir.remove();
    }
  });

  it("turn the reminder ledger into the outbox: reminders keep their state under a dedupe key, waiting minutes copies and invitation DMs become rows", async () => {
    const dir = await tempDir();
    const pglite = await PGlite.create();
    try {
      const before = path.join(dir.path, "before");
      const all = await readMigrations(MIGRATIONS_DIR);
      const outbox = all.findIndex((m) => m.name.endsWith("_outbox"));
      for (const migration of all.slice(0, outbox)) await cp(path.join(MIGRATIONS_DIR, migration.name), path.join(before, migration.name), { recursive: true });
      await applyMigrations(pglite, before);
      await pglite.exec(`
        INSERT INTO "Network" (id, name, "seriesTitle", "joinCode") VALUES (1, 'İzmir', 'İzmir', 'AAAAAAAA');
        INSERT INTO "Meeting" (id, "networkId", number, title, "startsAt", "endsAt", status, "directFanoutPending") VALUES (1, 1, 25, 'x', '2027-03-17T07:00:00Z', '2027-03-17T12:00:00Z', 'invited', true);
        INSERT INTO "TelegramUser" (id, "firstName", "dmReachable", "updatedAt") VALUES (500, 'Ayşe', true, now()), (501, 'Nur', true, now());
        INSERT INTO "Member" (id, "networkId", "userId") VALUES (7, 1, 500), (8, 1, 501);
        INSERT INTO "PostedCard" ("meetingId", kind, "telegramChatId", "messageId", locale, shown) VALUES (1, 'direct', 501, 10, 'tr', 'x');
        INSERT INTO "Reminder" ("meetingId", kind, "offsetMinutes", audience, "fireAt", status, "jobId") VALUES
          (1, 'before', 1440, 'member:7', '2027-03-16T07:00:00Z', 'sent', 'r1-1'),
          (1, 'action-due', 0, 'action:12:member:7', '2027-04-01T06:00:00Z', 'scheduled', 'r2-1'),
          (1, 'host-expiry', 0, 'turn:3', '2027-02-01T06:00:00Z', 'scheduled', 'r3-1');
        INSERT INTO "Minutes" ("meetingId") VALUES (1);
        INSERT INTO "MinutesVersion" ("meetingId", version, "publishedAt", "publishedBy", markdown) VALUES (1, 1, now(), 1, '#');
        INSERT INTO "MinutesDelivery" ("meetingId", version, target, "deliveredAt", outcome) VALUES (1, 1, 'chat:-100:0', now(), 'sent'), (1, 1, 'member:7', NULL, NULL);`);
      await applyMigrations(pglite, MIGRATIONS_DIR);
      const rows = await pglite.query<{ dedupeKey: string; kind: string; networkId: number; audience: string; payload: unknown; status: string }>(
        `SELECT "dedupeKey", kind, "networkId", audience, payload, status::text FROM "OutboxMessage" ORDER BY id`,
      );
      expect(rows.rows).toEqual([
        { dedupeKey: "reminder:1:before:1440:member:7", kind: "before", networkId: 1, audience: "member:7", payload: {}, status: "sent" },
        { dedupeKey: "reminder:1:action-due:0:action:12:member:7", kind: "action-due", networkId: 1, audience: "member:7", payload: { entryId: 12 }, status: "scheduled" },
        { dedupeKey: "reminder:1:host-expiry:0:turn:3", kind: "host-expiry", networkId: 1, audience: "turn:3", payload: { turnId: 3 }, status: "scheduled" },
        { dedupeKey: "minutes:1:1:member:7", kind: "minutes-copy", networkId: 1, audience: "member:7", payload: { version: 1, part: 0 }, status: "scheduled" },
        // The fan-out cut off: Ayşe's card still goes out; Nur has hers.
        { dedupeKey: "invite:1:7", kind: "card-dm", networkId: 1, audience: "member:7", payload: {}, status: "scheduled" },
      ]);
      expect((await pglite.query(`SELECT to_regclass('"MinutesDelivery"') AS t`)).rows).toEqual([{ t: null }]);
    } finally {
      await pglite.close();
      await dir.remove();
    }
  });

  it("roll back a failing migration entirely", async () => {
    const dir = await tempDir();
    const pglite = await PGlite.create();
    try {
      const broken = path.join(dir.path, "20990101000000_broken");
      await mkdir(broken, { recursive: true });
      await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id INT); SELECT no_such_function();`);
      await expect(applyMigrations(pglite, dir.path)).rejects.toThrow(/20990101000000_broken failed/);
      const { rows } = await pglite.query(`SELECT to_regclass('"Half"') AS t`);
      expect(rows).toEqual([{ t: null }]);
    } finally {
      await pglite.close();
      await dir.remove();
    }
  });

  it("keep data in a PGlite directory across close and reopen", async () => {
    const dir = await tempDir();
    try {
      const first = await openDatabase({ kind: "pglite", dataDir: path.join(dir.path, "pglite") });
      await first.prisma.telegramUser.create({ data: { id: 42n, firstName: "Ayşe" } });
      await first.close();
      const second = await openDatabase({ kind: "pglite", dataDir: path.join(dir.path, "pglite") });
      expect(await second.prisma.telegramUser.findUnique({ where: { id: 42n } })).toMatchObject({ firstName: "Ayşe" });
      await second.close();
    } finally {
      await dir.remove();
    }
  });
});

describe("UserService", () => {
  let db: Database;
  let users: UserService;
  beforeAll(async () => {
    db = await openMemoryDatabase();
    users = new UserService(db.prisma);
  });
  afterAll(() => db.close());

  it("remembers a sender exactly as typed and updates only what changed", async () => {
    const from = { id: 1001, is_bot: false, first_name: "Ayşe <b>&*", last_name: "Yılmaz", username: "ayse_y", language_code: "tr" };
    const stored = await users.remember(from);
    expect(stored).toMatchObject({ id: 1001n, firstName: "Ayşe <b>&*", languageCode: "tr", dmReachable: false, locale: null });
    const before = await db.prisma.telegramUser.findUniqueOrThrow({ where: { id: 1001n } });
    await users.remember(from);
    const unchanged = await db.prisma.telegramUser.findUniqueOrThrow({ where: { id: 1001n } });
    expect(unchanged.updatedAt).toEqual(before.updatedAt);
    await users.remember({ ...from, first_name: "Ayşe Nur" });
    expect((await users.find(1001))?.firstName).toBe("Ayşe Nur");
  });

  it("tracks DM reachability and the chosen language", async () => {
    await users.remember({ id: 1002, is_bot: false, first_name: "John", language_code: "en" });
    await users.markReachable(1002);
    expect((await users.find(1002))?.dmReachable).toBe(true);
    await users.markUnreachable(1002);
    expect((await users.find(1002))?.dmReachable).toBe(false);
    await users.setLocale(1002, "tr");
    expect((await users.find(1002))?.locale).toBe("tr");
  });
});

describe("UserService's recent-sender memory", () => {
  it("skips the read for an unchanged sender, sees its own changes at once, and expires", async () => {
    const db = await openMemoryDatabase();
    try {
      let now = 0;
      const users = new UserService(db.prisma, 60_000, () => now);
      const from = { id: 2001, is_bot: false, first_name: "Ayşe", language_code: "tr" };
      await users.remember(from);
      // Another process changes the row behind this one's back.
      await db.prisma.telegramUser.update({ where: { id: 2001n }, data: { locale: "en" } });
      expect((await users.remember(from)).locale).toBeNull();
      now = 60_001;
      expect((await users.remember(from)).locale).toBe("en");
      // Its own changes are never stale.
      await users.setLocale(2001, "tr");
      expect((await users.remember(from)).locale).toBe("tr");
      await users.markReachable(2001);
      expect((await users.remember(from)).dmReachable).toBe(true);
      // A changed name is written even while remembered.
      expect((await users.remember({ ...from, first_name: "Ayşe Nur" })).firstName).toBe("Ayşe Nur");
      expect((await db.prisma.telegramUser.findUniqueOrThrow({ where: { id: 2001n } })).firstName).toBe("Ayşe Nur");
    } finally {
      await db.close();
    }
  });
});
