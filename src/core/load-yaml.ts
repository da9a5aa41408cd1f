import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The reference YAML parser, loaded on first use: a query on a valid archive never needs it
 * (the common-shape reader and js-yaml read the records), and loading it costs milliseconds.
 */
export const loadYaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');
