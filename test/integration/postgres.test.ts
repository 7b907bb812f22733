import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { readMigrations } from "../../src/db/migrate.ts";
import { MIGRATIONS_DIR } from "../../src/db/client.ts";
import { UserService } from "../../src/features/users/service.ts";
import { startTestPostgres, type TestPostgres } from "../support/postgres.ts";

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server?.stop());

describe("DATABASE_URL: a real PostgreSQL server through the pg adapter", () => {
  it("migrates once even when two processes start together, and works through Prisma", async () => {
    const [a, b] = await Promise.all([
      openDatabase({ kind: "postgres", url: server.url }),
      openDatabase({ kind: "postgres", url: server.url }),
    ]);
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
      await client.end();
      expect(rows.map((r: { migration_name: string }) => r.migration_name)).toEqual((await readMigrations(MIGRATIONS_DIR)).map((m) => m.name));

      const users = new UserService(a.prisma);
      await users.remember({ id: 9_007_199_254, is_bot: false, first_name: "İpek <&>", language_code: "tr" });
      await users.setLocale(9_007_199_254, "en");
      expect(await new UserService(b.prisma).find(9_007_199_254)).toMatchObject({ firstName: "İpek <&>", locale: "en" });
      await a.ping();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
