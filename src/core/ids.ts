import { loadCrypto } from './load-crypto.js';
import { ID_MAX_LENGTH, isValidId } from './records.js';
import { nameKey, slugify } from './text.js';

/** Room left under the id limit for a `-2` style suffix and for the date in front. */
const SLUG_MAX = 80;

/**
 * The id of a new event: its start date as written, then its title in lowercase ASCII
 * ("Цифровая трансформация" → "tsifrovaya-transformatsiya"), cut at a word boundary.
 */
export function eventIdFor(startText: string, title: string): string {
  const slug = slugify(title, SLUG_MAX) || shortHash(title);
  return `${startText}-${slug}`;
}

/** The id of a new person or organisation: the name in lowercase ASCII, cut under 80 characters. */
export function registryIdFor(name: string): string {
  return idFromName(name, SLUG_MAX);
}

/**
 * The id a name stands for: its name key (so every spelling that names one person gives one
 * id) in lowercase ASCII, or a hash for a name with no letters to keep. Unregistered speakers
 * get it in the index, and registering one keeps it.
 */
export function idFromName(name: string, maxLength = ID_MAX_LENGTH): string {
  return slugify(nameKey(name), maxLength) || shortHash(name);
}

/** `base`, or the first of `base-2`, `base-3`, ... that is free. */
export function firstFreeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base.slice(0, ID_MAX_LENGTH - String(n).length - 1)}-${n}`;
    if (!taken(id)) return id;
  }
}

/** Ids typed by a user become file names: only the contract's form, so they cannot leave the folder. */
export function checkId(id: string): string | undefined {
  if (isValidId(id)) return undefined;
  const better = slugify(id, ID_MAX_LENGTH);
  return `\`${id}\` is not a valid id: lowercase ASCII letters, digits and single hyphens, at most ${ID_MAX_LENGTH} characters${better && better !== id ? ` (such as \`${better}\`)` : ''}`;
}

function shortHash(text: string): string {
  return `x-${loadCrypto().createHash('sha1').update(nameKey(text)).digest('hex').slice(0, 10)}`;
}
