import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';

// Proves the lint gate in eslint.config.mjs does what the foundation issue asks: domain/ folders
// stay free of framework and I/O imports, and floating promises are reported. The probe files do
// not exist on disk: the real config is used, and only the type-aware parser is told to give
// these paths a project built from tsconfig.json (allowDefaultProject), so nothing is written
// into the tree where a concurrent `tsc` or `eslint` run could see it.
const root = resolve(__dirname, '../../..');
const domainFile = 'apps/intake/src/domain/__lint_probe__.ts';
const outsideFile = 'apps/intake/src/__lint_probe__.ts';

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

describe('lint gate (eslint.config.mjs)', () => {
  let eslint: ESLint;

  beforeAll(() => {
    eslint = new ESLint({
      cwd: root,
      overrideConfig: {
        languageOptions: {
          parserOptions: {
            projectService: { allowDefaultProject: [domainFile, outsideFile], defaultProject: 'tsconfig.json' },
            tsconfigRootDir: root,
          },
        },
      },
    });
  });

  async function lint(code: string, filePath: string): Promise<Linter.LintMessage[]> {
    const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
    const messages = result!.messages;
    // A parsing or config error would make every expectation below meaningless.
    expect(messages.filter((m) => m.fatal === true || m.ruleId === null)).toEqual([]);
    return messages;
  }

  it.each([
    ['@nestjs/common', "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n", /NestJS/],
    ['typeorm', "import { DataSource } from 'typeorm';\nexport type Probe = DataSource;\n", /TypeORM/],
    ['kafkajs', "import { Kafka } from 'kafkajs';\nexport type Probe = Kafka;\n", /Kafka/],
    ['ioredis', "import Redis from 'ioredis';\nexport type Probe = Redis;\n", /Redis/],
    [
      '@switchboard/persistence (barrel)',
      "import { SystemClock } from '@switchboard/persistence';\nexport const probe = new SystemClock();\n",
      /@switchboard\/persistence\/clock/,
    ],
  ])('forbids %s in a domain/ file, saying why', async (_name, code, why) => {
    const messages = await lint(code, domainFile);
    const restricted = messages.filter((m) => m.ruleId === RESTRICTED);
    expect(restricted).toHaveLength(1);
    expect(restricted[0]!.severity).toBe(2);
    expect(restricted[0]!.message).toMatch(/domain\/ holds plain TypeScript rules with no framework and no I\/O/);
    expect(restricted[0]!.message).toMatch(why);
  });

  it('allows the pure Clock file, contracts and zod in a domain/ file', async () => {
    const code = [
      "import type { Clock } from '@switchboard/persistence/clock';",
      "import { Topics } from '@switchboard/contracts';",
      "import { z } from 'zod';",
      'export const probe = (clock: Clock) => z.object({ at: z.date() }).parse({ at: clock.now() });',
      'export const topics = Topics;',
      '',
    ].join('\n');
    expect(await lint(code, domainFile)).toEqual([]);
  });

  it('allows NestJS outside domain/', async () => {
    const code = "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n";
    expect(await lint(code, outsideFile)).toEqual([]);
  });

  it('reports a floating promise', async () => {
    const code = [
      'async function save(): Promise<void> {',
      '  await Promise.resolve();',
      '}',
      'export function handle(): void {',
      '  save();',
      '}',
      '',
    ].join('\n');
    const messages = await lint(code, outsideFile);
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['@typescript-eslint/no-floating-promises', 2]]);
  });
});
