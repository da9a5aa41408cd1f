import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RowBatch, rowByRow } from '../../src/db/row-batch.js';

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (a INTEGER, b TEXT, c REAL)');
  return db;
}

const rowsOf = (db: Database.Database) => db.prepare('SELECT rowid, a, b, c FROM t ORDER BY rowid').raw().all();

describe('RowBatch', () => {
  it('writes full statements as they fill and the rest on flush, in the order added', () => {
    const db = table();
    const batch = new RowBatch(db, 'INSERT INTO t (a, b, c) VALUES', 3, 4);
    for (let i = 0; i < 10; i++) batch.add(i, `row ${i}`, i % 3 === 0 ? null : i / 2);
    // Two statements of four rows have run; the last two wait for flush.
    expect(rowsOf(db)).toHaveLength(8);
    batch.flush();
    batch.flush();
    expect(rowsOf(db)).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, i, `row ${i}`, i % 3 === 0 ? null : i / 2]));
  });

  it('holds exactly what one insert per row would', () => {
    const one = table();
    const many = table();
    const single = rowByRow(one, 'INSERT INTO t (a, b, c) VALUES', 3);
    const batch = new RowBatch(many, 'INSERT INTO t (a, b, c) VALUES', 3);
    for (let i = 0; i < 100; i++) {
      const row = [i * 7, i % 5 === 0 ? 'Türkiye' : `Кыргызстан ${i}`, i / 3];
      single.add(...row);
      batch.add(...row);
    }
    // Rows by row are in the table at once.
    expect(rowsOf(one)).toHaveLength(100);
    batch.flush();
    expect(rowsOf(many)).toEqual(rowsOf(one));
  });

  it('passes a conflict clause through when rows go one by one', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
    const upsert = rowByRow(db, 'INSERT INTO t (k, v) VALUES', 2, 'ON CONFLICT(k) DO UPDATE SET v = excluded.v');
    upsert.add('a', 1);
    upsert.add('a', 2);
    expect(db.prepare('SELECT k, v FROM t').raw().all()).toEqual([['a', 2]]);
  });
});
