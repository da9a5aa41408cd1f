import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DataError } from './errors.js';
import { KIND_FOLDERS } from './records.js';
import { writeFileAtomic } from './write-file.js';

const SCHEMA_FILES = ['defs.schema.json', 'event.schema.json', 'person.schema.json', 'organization.schema.json'];

const GITIGNORE = '# The index is derived from the YAML files and rebuilt at will.\n.hub/\n';

const README = `# Event archive

Kept with \`hub\`: one YAML file per event, people and organisations in registries.

    events/<YYYY>/<id>.yaml    one event per file, in the folder of its start year;
                               the id starts with the start date: 2024-04-12-panel-on-hrm
    people/<id>.yaml           the people registry (name, aliases, country, ...)
    organizations/<id>.yaml    the organisation registry (name, acronym, kind, ...)
    schemas/                   JSON Schemas of the records, for editors (the first
                               line of each record points at them)
    .hub/                      the index: derived, git-ignored, rebuilt at will

The YAML files are the only truth. \`hub validate\` checks them; \`hub events\`,
\`hub speakers\` and \`hub search\` answer questions from them.
`;

/**
 * Creates an empty archive in `dir`: the three record folders, a .gitignore for the index
 * and a short README. Refuses a folder that already holds an archive or any other files.
 */
export function initArchive(dir: string): string[] {
  if (existsSync(dir)) {
    if (existsSync(path.join(dir, KIND_FOLDERS.event))) throw new DataError(`${dir} already holds an archive`, 'use it as it is, or give another folder');
    const entries = readdirSync(dir).filter((name) => name !== '.git');
    if (entries.length > 0) throw new DataError(`${dir} is not empty`, 'give an empty or new folder, so nothing in it is overwritten');
  }
  const created: string[] = [];
  for (const folder of Object.values(KIND_FOLDERS)) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    created.push(`${folder}/`);
  }
  // Editors validate as you type through each record's `$schema` line; it points here.
  mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  for (const name of SCHEMA_FILES) copyFileSync(new URL(`../../schemas/${name}`, import.meta.url), path.join(dir, 'schemas', name));
  created.push('schemas/');
  writeFileAtomic(path.join(dir, '.gitignore'), GITIGNORE);
  writeFileAtomic(path.join(dir, 'README.md'), README);
  created.push('.gitignore', 'README.md');
  return created;
}
