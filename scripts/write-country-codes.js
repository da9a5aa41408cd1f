// Fills the countryCode enum in schemas/defs.schema.json from i18n-iso-countries, so the
// schema (which editors read) and the code (which uses the library) agree on one list.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const file = new URL('../schemas/defs.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(file, 'utf8'));
schema.$defs.countryCode.enum = Object.keys(countries.getAlpha2Codes()).sort();
writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
console.error(`wrote ${schema.$defs.countryCode.enum.length} country codes`);
