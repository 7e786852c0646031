import type { z } from 'zod';
import type { healthResponse } from '../../api/responseSchemas';
import { ApiError, CliError } from '../cliErrors';
import type { Command } from '../command';

type Health = z.infer<typeof healthResponse>;

export const urlCommand: Command = {
  name: 'url',
  usage: '',
  maxArguments: 0,
  summary: "The deployed API's base URL, once GET /health says Redis and the queue answer",
  details: [
    'Prints the URL on stdout. When GET /health answers 503, the URL is still printed and the line on stderr says',
    'what is down (Redis, the queue), with exit status 1.',
  ],
  async run({ api, output }) {
    output.line(api.baseUrl);
    try {
      await api.get<Health>('/health');
    } catch (error) {
      if (error instanceof ApiError && error.status === 503) {
        throw new CliError(`the API answers at ${api.baseUrl}, but ${error.detail}`);
      }
      throw error;
    }
  },
};
