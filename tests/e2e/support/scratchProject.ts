import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_DIR = resolve(import.meta.dirname, '..', '..', '..');

/**
 * A copy of the project whose src/ a test may edit: src/ and serverless.yml copied (serverless does not take a linked
 * configuration for a service directory), everything else the dev watcher reads linked to the real project.
 */
export const scratchProject = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sqs-orders-scratch-'));
  await cp(join(PROJECT_DIR, 'src'), join(dir, 'src'), { recursive: true });
  await cp(join(PROJECT_DIR, 'serverless.yml'), join(dir, 'serverless.yml'));
  for (const linked of ['node_modules', 'infra', 'scripts', 'package.json', 'tsconfig.json']) {
    await symlink(join(PROJECT_DIR, linked), join(dir, linked));
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
};
