import { getConfig, type Config } from '../config/config';

/** The container's configuration, read from its environment once; everything this folder builds is made from it. */
export const containerConfig = (): Config => getConfig();
