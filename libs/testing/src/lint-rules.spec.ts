import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { Linter } from 'eslint';

// Proves the lint gate in eslint.config.mjs does what the foundation issue asks: domain/ folders
// stay free of framework and I/O imports, and floating promises are reported.
//
// ESLint's Node API runs in a child Node process: it loads eslint.config.mjs with a dynamic
// import(), which Jest's CommonJS sandbox refuses without --experimental-vm-modules. The probe
// files never touch the disk (lintText), so a concurrent `tsc` or `eslint` run cannot see them;
// the real config is used, and the type-aware parser is only told to give the two probe paths a
// project built from tsconfig.json (allowDefaultProject), since tsconfig's own file list is what
// is on disk.
const root = resolve(__dirname, '../../..');
const DOMAIN_FILE = 'apps/intake/src/domain/__lint_probe__.ts';
const OUTSIDE_FILE = 'apps/intake/src/__lint_probe__.ts';
const RESTRICTED = '@typescript-eslint/no-restricted-imports';
const WHY = /domain\/ holds plain TypeScript rules with no framework and no I\/O/;

interface Probe {
  name: string;
  filePath: string;
  code: string;
}

const CHILD = `
const { ESLint } = require('eslint');
const { root, allowDefaultProject, probes } = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: {
        parserOptions: { projectService: { allowDefaultProject, defaultProject: 'tsconfig.json' }, tsconfigRootDir: root },
      },
    },
  });
  const out = {};
  for (const probe of probes) {
    const [result] = await eslint.lintText(probe.code, { filePath: root + '/' + probe.filePath });
    out[probe.name] = result.messages;
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
`;

function lintInChild(probes: Probe[]): Promise<Record<string, Linter.LintMessage[]>> {
  const input = JSON.stringify({ root, allowDefaultProject: [DOMAIN_FILE, OUTSIDE_FILE], probes });
  return new Promise((done, fail) => {
    execFile(process.execPath, ['-e', CHILD, input], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`ESLint child process failed: ${error.message}\n${stderr}`));
      else done(JSON.parse(stdout) as Record<string, Linter.LintMessage[]>);
    });
  });
}

const forbidden: [string, string, RegExp][] = [
  ['@nestjs/common', "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n", /NestJS/],
  ['typeorm', "import type { DataSource } from 'typeorm';\nexport type Probe = DataSource;\n", /TypeORM/],
  ['kafkajs', "import type { Kafka } from 'kafkajs';\nexport type Probe = Kafka;\n", /Kafka I\/O/],
  ['ioredis', "import type Redis from 'ioredis';\nexport type Probe = Redis;\n", /Redis I\/O/],
  [
    '@switchboard/persistence',
    "import { SystemClock } from '@switchboard/persistence';\nexport const probe = new SystemClock();\n",
    /import the Clock from @switchboard\/persistence\/clock/,
  ],
];

const probes: Probe[] = [
  ...forbidden.map(([name, code]) => ({ name, filePath: DOMAIN_FILE, code })),
  {
    name: 'allowed in domain',
    filePath: DOMAIN_FILE,
    code: [
      "import type { Clock } from '@switchboard/persistence/clock';",
      "import { Topics } from '@switchboard/contracts';",
      "import { z } from 'zod';",
      'export const probe = (clock: Clock) => z.object({ at: z.date() }).parse({ at: clock.now() });',
      'export const topics = Topics;',
      '',
    ].join('\n'),
  },
  {
    name: 'nest outside domain',
    filePath: OUTSIDE_FILE,
    code: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
  },
  {
    name: 'floating promise',
    filePath: OUTSIDE_FILE,
    code: [
      'async function save(): Promise<void> {',
      '  await Promise.resolve();',
      '}',
      'export function handle(): void {',
      '  save();',
      '}',
      '',
    ].join('\n'),
  },
];

describe('lint gate (eslint.config.mjs)', () => {
  let results: Record<string, Linter.LintMessage[]>;

  beforeAll(async () => {
    results = await lintInChild(probes);
  }, 60_000);

  const messagesOf = (name: string): Linter.LintMessage[] => {
    const messages = results[name]!;
    // A parsing or config error (ruleId null) would make every expectation meaningless.
    expect(messages.filter((m) => m.fatal === true || m.ruleId === null)).toEqual([]);
    return messages;
  };

  it.each(forbidden)('forbids %s in a domain/ file, saying why', (name, _code, why) => {
    const messages = messagesOf(name);
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([[RESTRICTED, 2]]);
    expect(messages[0]!.message).toMatch(WHY);
    expect(messages[0]!.message).toMatch(why);
  });

  it('allows the pure Clock file, @switchboard/contracts and zod in a domain/ file', () => {
    expect(messagesOf('allowed in domain')).toEqual([]);
  });

  it('allows NestJS outside domain/', () => {
    expect(messagesOf('nest outside domain')).toEqual([]);
  });

  it('reports a floating promise', () => {
    expect(messagesOf('floating promise').map((m) => [m.ruleId, m.severity])).toEqual([
      ['@typescript-eslint/no-floating-promises', 2],
    ]);
  });
});
