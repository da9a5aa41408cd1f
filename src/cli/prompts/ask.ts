import { confirm, input, number, search, select } from '@inquirer/prompts';
import { countryName, findCountries } from '../../core/countries.js';
import { endsBeforeStart, explainBadDate, parsePartialDate, suggestDate } from '../../core/dates.js';
import type { Context } from '../context.js';

/** One option of a picker: what is shown, what it stands for. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/**
 * The questions, asked on the terminal through @inquirer/prompts. Prompts draw on stderr, so
 * stdout still carries only the result (the path written).
 */
export class Asker {
  private readonly context;

  constructor(ctx: Context) {
    this.context = { input: ctx.io.stdin, output: ctx.io.stderr as NodeJS.WritableStream, clearPromptOnDone: false };
  }

  /** Free text; undefined when left empty (unless required). */
  async text(message: string, options: { default?: string | undefined; required?: boolean; validate?: (value: string) => string | true } = {}): Promise<string | undefined> {
    const answer = await input(
      {
        message,
        ...(options.default ? { default: options.default } : {}),
        required: options.required ?? false,
        validate: (value) => (value.trim() === '' ? (options.required ? 'this one is needed' : true) : (options.validate?.(value.trim()) ?? true)),
      },
      this.context,
    );
    const trimmed = answer.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  /** A partial date, checked as it is typed. */
  async date(message: string, options: { default?: string | undefined; required?: boolean; notBefore?: string | number | undefined } = {}): Promise<string | number | undefined> {
    const answer = await this.text(message, {
      ...options,
      validate: (value) => checkDateAnswer(value, options.notBefore),
    });
    // A year alone is written as a number, as in records written by hand.
    return answer !== undefined && /^\d{4}$/.test(answer) ? Number(answer) : answer;
  }

  async choose<T>(message: string, choices: Array<Choice<T>>, defaultValue?: T): Promise<T> {
    return select({ message, choices, pageSize: 12, ...(defaultValue === undefined ? {} : { default: defaultValue }) }, this.context);
  }

  /** A list that narrows as the user types. */
  async find<T>(message: string, source: (term: string) => Array<Choice<T>>): Promise<T> {
    return search({ message, pageSize: 8, source: async (term) => source(term ?? '') }, this.context);
  }

  async yes(message: string, defaultValue = true): Promise<boolean> {
    return confirm({ message, default: defaultValue }, this.context);
  }

  async count(message: string, defaultValue?: number): Promise<number | undefined> {
    return number({ message, min: 0, step: 1, required: false, ...(defaultValue === undefined ? {} : { default: defaultValue }) }, this.context);
  }

  /** A country by name (any of several languages) or code; `keep` is offered first. */
  async country(message: string, keep?: string): Promise<string | undefined> {
    const label = (code: string) => `${countryName(code) ?? code} (${code})`;
    return this.find<string | undefined>(message, (term) => {
      const found = term.trim() === '' ? (keep ? [keep] : []) : findCountries(term);
      return [...found.map((code) => ({ name: label(code), value: code as string | undefined })), { name: term.trim() === '' ? '(none: type to search)' : '(none)', value: undefined }];
    });
  }
}

/** True for the error the prompts throw when the user presses Ctrl-C or closes the terminal. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** What the date prompt says of an answer: true, or what is wrong and how to write it. */
export function checkDateAnswer(value: string, notBefore?: string | number): true | string {
  const date = parsePartialDate(value);
  if (!date) {
    const written = suggestDate(value);
    return `${explainBadDate(value) ?? 'not a date'}: write ${written ? `it as ${written}` : 'a date as 2025-03-14, 2025-03 or 2025'}`;
  }
  const start = notBefore === undefined ? undefined : parsePartialDate(notBefore);
  if (start && endsBeforeStart(start, date)) return `it cannot be before the start, ${start.text}`;
  return true;
}
