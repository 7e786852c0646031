import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_DIR } from './support/projectDir';
import { iamPackageDir, localPackageDir, templatePath } from './support/prodPackage';

const run = promisify(execFile);
/** Pinned in infra/requirements.txt and installed by scripts/install.sh. */
const CFN_LINT = join(process.env.CFN_LINT_VENV_DIR ?? join(PROJECT_DIR, '.venv-cfn-lint'), 'bin', 'cfn-lint');

const lint = async (template: string) => {
  try {
    const { stdout } = await run(CFN_LINT, ['--format', 'parseable', template], { maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    // cfn-lint exits non-zero for any error (2), warning (4) or informational finding (8): the findings are on stdout.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}`.trim() || String(error);
  }
};

describe('cfn-lint', () => {
  test('finds nothing in the prod template', async () => {
    expect(await lint(templatePath())).toBe('');
  }, 120_000);

  test('finds nothing in the staging template (the IAM authorizer)', async () => {
    expect(await lint(templatePath(iamPackageDir()))).toBe('');
  }, 120_000);

  test('finds nothing in the local template', async () => {
    expect(await lint(templatePath(localPackageDir()))).toBe('');
  }, 120_000);
});
