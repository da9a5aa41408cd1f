import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

let crypto: Crypto | undefined;

/**
 * node:crypto, loaded when something first hashes. A query on an unchanged archive never
 * does (the native addon digests the listing on its own thread), and loading the module cost
 * about 3 ms of its start, imported as it was by modules every command loads.
 */
export function loadCrypto(): Crypto {
  return (crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto);
}
