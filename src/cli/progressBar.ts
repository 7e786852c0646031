const BAR_WIDTH = 30;

export const renderProgressBar = (done: number, total: number, width = BAR_WIDTH): string => {
  const share = total <= 0 ? 1 : Math.min(Math.max(done / total, 0), 1);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} orders consumed (${Math.floor(share * 100)}%)`;
};

export type ProgressStream = { isTTY?: boolean; write(text: string): unknown };

/** Redraws one line on a terminal; elsewhere (a pipe, a CI log) writes a plain line each time the figure changes. */
export const createProgressBar = (stream: ProgressStream, total: number) => {
  let shown: number | undefined;
  const update = (done: number) => {
    if (done === shown) return;
    shown = done;
    stream.write(stream.isTTY ? `\r${renderProgressBar(done, total)}` : `${done}/${total} orders consumed\n`);
  };
  const finish = () => {
    if (stream.isTTY && shown !== undefined) stream.write('\n');
  };
  return { update, finish };
};
