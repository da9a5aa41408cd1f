/** Errors the program expects; the entry point turns them into a message and an exit code. */
export class HubError extends Error {
  readonly exitCode: number;
  /** What the user can do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode: number; hint?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** The command line itself is wrong: exit code 2. */
export class UsageError extends HubError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, ...(hint === undefined ? {} : { hint }) });
  }
}

/** The data is wrong or missing: exit code 1. */
export class DataError extends HubError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { exitCode: 1, ...(hint === undefined ? {} : { hint }), cause });
  }
}

/** Something named on the command line (a country, a person, an event) does not exist: exit code 1. */
export class NotFoundError extends DataError {
  readonly suggestions: string[];

  constructor(message: string, suggestions: string[] = [], hint?: string) {
    super(suggestions.length > 0 ? `${message} (did you mean ${formatAlternatives(suggestions)}?)` : message, hint);
    this.suggestions = suggestions;
  }
}

export function formatAlternatives(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
