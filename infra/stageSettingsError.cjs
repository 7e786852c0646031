// The one error a stage's settings are refused with, shared by every module that reads a setting.
class StageSettingsError extends Error {
  constructor(message) {
    super(message);
    // serverless prints the stack of an error a variable source throws: the one line is all there is to say.
    this.stack = `Error: ${message}`;
  }
}

module.exports = { StageSettingsError };
