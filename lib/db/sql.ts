// The `postgres` client, for the work Prisma is poor at: bulk import and export.
// DATE columns come back as ISO strings, so that no time zone ever shifts a day.
// Not marked server-only: the Playwright specs (e2e/support/write-paths.ts) import it
// outside the react-server condition, where "server-only" throws.
import postgres from "postgres";

export type Sql = postgres.Sql<Record<string, never>>;

export function createSql(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 4,
    onnotice: () => {},
    types: {
      // 1082 is DATE: keep it as the string PostgreSQL sends.
      date: { to: 1082, from: [1082], serialize: (value: string) => value, parse: (value: string) => value },
    },
  }) as unknown as Sql;
}
