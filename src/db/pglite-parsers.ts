import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

type Parsers = NonNullable<QueryOptions["parsers"]>;

/**
 * The PGlite that Prisma's adapter is given. The adapter passes the same type parsers with every
 * query, and PGlite answers a query that brings parsers by copying all of its own (about 300,
 * one per type and array type) into a new object first: a third of the CPU time of a small query
 * went to that copy. Here the adapter's parsers are folded into the instance's once and left out
 * of each call, so PGlite reads its own table directly. Every type in ortak's schema is parsed as
 * before. One difference: PGlite's array parsers look their element's parser up in the instance's
 * table, so arrays of a type the adapter overrides (int8[], json[], none in the schema) now get
 * the adapter's element parser too. After the first query the instance's table is the adapter's:
 * the raw instance is only closed after that. A different set of parsers still goes with its
 * query, laid over the folded table.
 */
export function withParsersFoldedIn(pglite: PGlite): PGlite {
  let folded: Parsers | undefined;
  const lighten = (options: QueryOptions | undefined): QueryOptions | undefined => {
    const parsers = options?.parsers;
    if (!parsers) return options;
    if (folded === undefined) {
      Object.assign(pglite.parsers, parsers);
      folded = parsers;
    }
    if (parsers !== folded) return options;
    const { parsers: _dropped, ...rest } = options;
    return rest;
  };
  const lightTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, { get: (target, property) => (property === "query" ? (sql: string, params?: unknown[], options?: QueryOptions) => target.query(sql, params, lighten(options)) : Reflect.get(target, property)) });
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "query") return (sql: string, params?: unknown[], options?: QueryOptions) => target.query(sql, params, lighten(options));
      if (property === "transaction") return <T>(run: (tx: Transaction) => Promise<T>) => target.transaction((tx) => run(lightTransaction(tx)));
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
