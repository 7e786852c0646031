import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipScripts } from './zipEntries';

const packageDir = (): string => {
  const dir = process.env.PROD_PACKAGE_DIR;
  if (!dir) throw new Error('PROD_PACKAGE_DIR is not set: run this project through jest (its globalSetup packages prod)');
  return dir;
};

export type CloudFormationResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
export type CloudFormationTemplate = { Resources: Record<string, CloudFormationResource>; Outputs?: Record<string, unknown> };

export const templatePath = (dir: string = packageDir()): string => join(dir, 'cloudformation-template-update-stack.json');

/** The local stage's package directory (the globalSetup packages it too, for cfn-lint). */
export const localPackageDir = (): string => {
  const dir = process.env.LOCAL_PACKAGE_DIR;
  if (!dir) throw new Error('LOCAL_PACKAGE_DIR is not set: run this project through jest (its globalSetup packages local)');
  return dir;
};

/** The staging stage's package directory: an AWS stage with the default authorizer, IAM. */
export const iamPackageDir = (): string => {
  const dir = process.env.IAM_PACKAGE_DIR;
  if (!dir) throw new Error('IAM_PACKAGE_DIR is not set: run this project through jest (its globalSetup packages staging)');
  return dir;
};

export const templateIn = async (dir: string): Promise<CloudFormationTemplate> =>
  JSON.parse(await readFile(templatePath(dir), 'utf8')) as CloudFormationTemplate;

export const prodTemplateText = (): Promise<string> => readFile(templatePath(), 'utf8');

export const prodTemplate = async (): Promise<CloudFormationTemplate> =>
  JSON.parse(await readFile(join(packageDir(), 'cloudformation-template-update-stack.json'), 'utf8')) as CloudFormationTemplate;

/** Every JavaScript file of every function's zip, by path inside its archive. */
export const prodScripts = async (): Promise<Record<string, string>> => {
  const zips = (await readdir(packageDir())).filter((name) => name.endsWith('.zip'));
  return Object.assign({}, ...(await Promise.all(zips.map((zip) => zipScripts(join(packageDir(), zip))))));
};
