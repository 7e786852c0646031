import { join } from 'node:path';

/** The project's root; the globalSetup packages the stages (it cannot import this file: Jest loads it outside). */
export const PROJECT_DIR = join(import.meta.dirname, '..', '..', '..');
