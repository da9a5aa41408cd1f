import type { Db } from './connection.js';

/** Where one table's rows go: each add is one row, in the statement's column order. */
export interface RowSink {
  add(...values: unknown[]): void;
  /** Writes what is held; rows are in the table only after this. */
  flush(): void;
}

/**
 * Rows for one table, written many to a statement (`INSERT ... VALUES (...), (...), ...`).
 * better-sqlite3 costs about 0.6 µs a call beyond SQLite's own work on a row, and a build
 * writes 276,000 rows for 10,000 events; a statement of 32 rows pays that once for all of
 * them (measured here: 1.2 against 0.55 µs a row of five columns). The rows reach the table
 * in the order they were added, so it holds exactly what row-by-row inserts would have put
 * there. Only for writers that read nothing back before `flush`: a fresh build.
 */
export class RowBatch implements RowSink {
  private readonly values: unknown[] = [];
  private readonly many;
  private readonly limit: number;

  /** @param insert `INSERT INTO table (columns) VALUES`, without the rows. */
  constructor(
    private readonly db: Db,
    private readonly insert: string,
    private readonly columns: number,
    rows = 32,
  ) {
    this.limit = rows * columns;
    this.many = db.prepare(this.statement(rows));
  }

  add(...values: unknown[]): void {
    for (const value of values) this.values.push(value);
    if (this.values.length === this.limit) {
      this.many.run(this.values);
      this.values.length = 0;
    }
  }

  flush(): void {
    if (this.values.length === 0) return;
    this.db.prepare(this.statement(this.values.length / this.columns)).run(this.values);
    this.values.length = 0;
  }

  private statement(rows: number): string {
    const row = `(${Array(this.columns).fill('?').join(', ')})`;
    return `${this.insert} ${Array(rows).fill(row).join(', ')}`;
  }
}

/** One statement per row, for writers that read the table back as they go (an incremental sync). */
export function rowByRow(db: Db, insert: string, columns: number, conflict = ''): RowSink {
  const one = db.prepare(`${insert} (${Array(columns).fill('?').join(', ')}) ${conflict}`);
  return {
    add: (...values) => void one.run(values),
    flush: () => {},
  };
}
