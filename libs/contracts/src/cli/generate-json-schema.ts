import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsonSchemas } from '../json-schema';

// Writes libs/contracts/json-schema/*.json; a unit test fails when the committed files drift.
const dir = process.argv[2] ?? join(process.cwd(), 'libs/contracts/json-schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}
process.stdout.write(`wrote ${Object.keys(generateJsonSchemas()).length} schemas to ${dir}\n`);
