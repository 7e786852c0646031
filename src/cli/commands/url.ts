import type { Command } from '../command';

export const urlCommand: Command = {
  name: 'url',
  usage: '',
  maxArguments: 0,
  summary: "The deployed API's base URL (after checking that it answers)",
  async run({ api, output }) {
    output.line(api.baseUrl);
  },
};
