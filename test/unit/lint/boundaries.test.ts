// The import-boundaries table of ARCHITECTURE.md is enforced by lint: each wrong
// direction below must be an error, each allowed one must pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries (ARCHITECTURE.md)', () => {
  const forbidden: Array<[string, string, string]> = [
    ['renderer may not import src/app', 'renderer/src/fixture.tsx', "import { createAppCore } from '../../src/app/app-core';\nexport const x = createAppCore;\n"],
    ['renderer may not import hardware', 'renderer/src/fixture.tsx', "import type { SerialLink } from '../../hardware/serial/serial-link';\nexport type X = SerialLink;\n"],
    ['renderer may not import Node modules', 'renderer/src/fixture.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/assa may not import hardware', 'src/assa/fixture.ts', "import type { SerialLink } from '../../hardware/serial/serial-link';\nexport type X = SerialLink;\n"],
    ['src/assa may not import src/app', 'src/assa/fixture.ts', "import { createAppCore } from '../app/app-core';\nexport const x = createAppCore;\n"],
    ['hardware may not import src/app', 'hardware/fixture.ts', "import { createAppCore } from '../src/app/app-core';\nexport const x = createAppCore;\n"],
    ['src/shared may not import src/assa or anything of ours', 'src/shared/fixture.ts', "import { createAppCore } from '../app/app-core';\nexport const x = createAppCore;\n"],
    ['src/app may not import the bridge', 'src/app/fixture.ts', "import { startBridge } from '../bridge/bridge-server';\nexport const x = startBridge;\n"],
  ];
  for (const [name, file, code] of forbidden) {
    it(`fails lint: ${name}`, async () => {
      const errors = await errorsFor(file, code);
      expect(errors.join('\n')).toMatch(/boundaries\/element-types|no-restricted-imports/);
    });
  }

  const allowed: Array<[string, string, string]> = [
    ['renderer imports src/shared', 'renderer/src/fixture.tsx', "import { normaliseNumber } from '../../src/shared/phone-number';\nexport const x = normaliseNumber;\n"],
    ['src/app imports hardware', 'src/app/fixture.ts', "import type { SerialLink } from '../../hardware/serial/serial-link';\nexport type X = SerialLink;\n"],
    ['the bridge imports src/app', 'src/bridge/fixture.ts', "import { createAppCore } from '../app/app-core';\nexport const x = createAppCore;\n"],
    ['the CLI imports anything', 'src/cli/fixture.ts', "import { createAppCore } from '../app/app-core';\nimport type { SerialLink } from '../../hardware/serial/serial-link';\nexport const x = createAppCore;\nexport type X = SerialLink;\n"],
  ];
  for (const [name, file, code] of allowed) {
    it(`passes lint: ${name}`, async () => {
      expect(await errorsFor(file, code)).toEqual([]);
    });
  }
});
