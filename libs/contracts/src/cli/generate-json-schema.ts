import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAsyncApi } from '../asyncapi';
import { generateJsonSchemas } from '../json-schema';

// Writes libs/contracts/json-schema/*.json and libs/contracts/asyncapi.json; unit tests fail when the committed files drift.
const dir = process.argv[2] ?? join(process.cwd(), 'libs/contracts/json-schema');
const asyncApiFile = process.argv[3] ?? join(process.cwd(), 'libs/contracts/asyncapi.json');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}
process.stdout.write(`wrote ${Object.keys(generateJsonSchemas()).length} schemas to ${dir}\n`);
writeFileSync(asyncApiFile, `${JSON.stringify(generateAsyncApi(), null, 2)}\n`);
process.stdout.write(`wrote the AsyncAPI document to ${asyncApiFile}\n`);
