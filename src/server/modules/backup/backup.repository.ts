import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { BackupRunsTable, Database } from '../../platform/db/schema.js';

type Row = Record<string, unknown>;

/** Reads a whole table in primary-key order, a page at a time (keyset paging: a million rows cost no more per page). */
export async function* readTable(
  db: Executor,
  table: keyof Database,
  key: readonly string[],
  pageSize = 2000,
): AsyncGenerator<Row> {
  const cols = sql.join(key.map((k) => sql.ref(k)));
  let last: unknown[] | null = null;
  for (;;) {
    const after: RawBuilder<unknown> = last ? sql`where (${cols}) > (${sql.join(last.map((v) => sql`${v}`))})` : sql``;
    const { rows }: { rows: Row[] } =
      await sql<Row>`select * from ${sql.table(table)} ${after} order by ${cols} limit ${pageSize}`.execute(db);
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    const lastRow: Row = rows[rows.length - 1]!;
    last = key.map((k): unknown => lastRow[k]);
  }
}

export async function insertRows(db: Executor, table: keyof Database, rows: Row[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto(table as 'practices')
      .values(rows as never)
      .execute();
}

export async function countRows(db: Executor, table: keyof Database): Promise<number> {
  const r = await db
    .selectFrom(table as 'practices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertRun(db: Executor, row: BackupRunsTable): Promise<void> {
  await db.insertInto('backup_runs').values(row).execute();
}

export const findLastRun = (db: Executor, kind: string, okOnly: boolean) => {
  let q = db.selectFrom('backup_runs').selectAll().where('kind', '=', kind);
  if (okOnly) q = q.where('ok', '=', 1);
  return q.orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
};
