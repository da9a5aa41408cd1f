import type { ChalkInstance } from 'chalk';
import path from 'node:path';
import { findArchive, type PendingArchiveListing } from '../core/archive.js';
import { describeHolder, type LockHolder } from '../core/lock-holder.js';
import { DataError, UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../core/write-file.js';
import { colorsFor, type IO } from './io.js';
import { EVENT_FORMATS } from '../core/vocabulary.js';
import { FORMATS, isFormat } from './formats.js';
import { render, type Column, type Format, type RenderOptions } from './output.js';

export interface GlobalOptions {
  archive?: string;
  /** An output format, or for `hub add-event` also the event's format. */
  format?: string;
  out?: string;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
  excel?: boolean;
  delimiter?: string;
}

/** What every command needs: where the archive is, how to print, where data goes. */
export class Context {
  readonly out: ChalkInstance;
  readonly err: ChalkInstance;
  private archiveRoot: string | undefined;
  private progressShown = false;

  /** @param listing the archive's listing, started before the program loaded (see early-listing.ts). */
  constructor(
    readonly io: IO,
    readonly options: GlobalOptions,
    private listing?: PendingArchiveListing,
  ) {
    const noColor = options.color === false;
    this.out = colorsFor(io.stdout, io.env, noColor || options.out !== undefined);
    this.err = colorsFor(io.stderr, io.env, noColor);
  }

  root(): string {
    this.archiveRoot ??= findArchive({ archive: this.options.archive, env: this.io.env, cwd: this.io.cwd });
    return this.archiveRoot;
  }

  /** The listing bin/hub.js started, handed over once: a later sync lists again. */
  takeListing(): PendingArchiveListing | undefined {
    const listing = this.listing;
    this.listing = undefined;
    return listing;
  }

  /** A path as the user standing in the working directory would type it. */
  displayPath(abs: string): string {
    return path.relative(this.io.cwd, abs) || '.';
  }

  /** The output format: as asked, else a table on a terminal and JSON for programs. */
  format(): Format {
    const asked = this.requestedFormat();
    if (asked) return asked;
    return this.options.out === undefined && this.io.stdout.isTTY ? 'table' : 'json';
  }

  /** How a writer waits for the archive's lock: saying so once, on stderr. */
  lockOptions(command: string): { command: string; onWait: (holder: LockHolder | undefined) => void } {
    return {
      command,
      onWait: (holder) => this.info(`waiting for the archive: another hub is writing to it${holder ? ` (${describeHolder(holder)})` : ''}…`),
    };
  }

  /** The output format given with --format, if any. */
  requestedFormat(): Format | undefined {
    const asked = this.options.format;
    if (asked === undefined || isFormat(asked)) return asked;
    throw new UsageError(
      `--format ${asked} is not an output format: use ${FORMATS.join(', ')}`,
      EVENT_FORMATS.includes(asked)
        ? 'an event\'s own format (in-person, online, hybrid) is given to `hub add-event --format`'
        : asked === 'ics'
          ? 'a calendar is written by `hub export events --format ics`'
          : undefined,
    );
  }

  info(message: string): void {
    if (this.options.quiet) return;
    this.endProgress();
    this.io.stderr.write(`${message}\n`);
  }

  warn(message: string): void {
    this.endProgress();
    this.io.stderr.write(`${this.err.yellow('warning:')} ${message}\n`);
  }

  /** Data for stdout, or for --out FILE (written whole or not at all). */
  writeData(text: string): void {
    if (this.options.out !== undefined) {
      const target = path.resolve(this.io.cwd, this.options.out);
      try {
        writeFileAtomic(target, text);
      } catch (error) {
        throw new DataError(`cannot write ${this.options.out}: ${(error as Error).message}`, 'check that the folder exists and is writable');
      }
      this.info(`wrote ${this.displayPath(target)}`);
      return;
    }
    this.io.stdout.write(text);
  }

  /** Renders rows in the chosen format; says so on stderr when there are none. */
  async writeRows(rows: object[], columns: Column[], options: { empty: string; fields: string[] }): Promise<void> {
    const format = this.format();
    if (rows.length === 0) this.info(options.empty);
    if (rows.length === 0 && format === 'table') return;
    const width = format === 'table' ? this.terminalWidth() : undefined;
    // Tables show what reads well; CSV carries the same fields as JSON, in the same order.
    const shown = format === 'csv' ? options.fields.map((key) => ({ key })) : columns;
    this.writeData(await render(rows, shown, format, this.renderOptions(width)));
  }

  /**
   * One object (an event, a person): JSON on one line or indented, a page to read on a
   * terminal, and for CSV the list inside it that a spreadsheet wants.
   */
  async writeRecord(object: object, options: { page: (width: number) => string; csv: { rows: object[]; fields: string[] } }): Promise<void> {
    const format = this.format();
    if (format === 'table') {
      const width = this.terminalWidth() ?? 80;
      this.writeData(options.page(Math.max(40, Math.min(width, 100))));
      return;
    }
    if (format === 'csv') {
      this.writeData(await render(options.csv.rows, options.csv.fields.map((key) => ({ key })), 'csv', this.renderOptions()));
      return;
    }
    this.writeData(format === 'ndjson' ? `${JSON.stringify(object)}\n` : `${JSON.stringify(object, null, 2)}\n`);
  }

  /** How rows are rendered: colours for stdout, the table width, and the CSV options given. */
  renderOptions(width?: number): RenderOptions {
    return { colors: this.out, width, excel: this.options.excel ?? false, delimiter: this.options.delimiter ?? ',' };
  }

  /** The terminal's width when data goes to one that reports it (a pty may report 0). */
  private terminalWidth(): number | undefined {
    const columns = this.io.stdout.columns;
    return this.options.out === undefined && this.io.stdout.isTTY && columns !== undefined && columns > 0 ? columns : undefined;
  }

  /** A progress callback for long work, drawn only on a terminal. */
  progress(label: string): ((done: number, total: number) => void) | undefined {
    if (this.options.quiet || !this.io.stderr.isTTY) return undefined;
    return (done, total) => {
      if (total < 200) return;
      this.progressShown = true;
      this.io.stderr.write(`\r${label} ${done}/${total}`);
    };
  }

  endProgress(): void {
    if (!this.progressShown) return;
    this.progressShown = false;
    this.io.stderr.write('\r\x1b[2K');
  }
}
