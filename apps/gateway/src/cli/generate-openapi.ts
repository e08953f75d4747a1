import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildOpenApi } from '../http/openapi';

// Writes docs/api/openapi.json from the route table (`make schemas`); openapi.spec.ts fails when the committed file drifts.
const file = process.argv[2] ?? join(process.cwd(), 'docs/api/openapi.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
process.stdout.write(`wrote the gateway's OpenAPI document to ${file}\n`);
