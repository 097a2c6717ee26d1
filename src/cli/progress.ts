import cliProgress from 'cli-progress';

/** Progress of long work on stderr: a bar in a terminal, a line every 10 % otherwise (logs, CI). */
export function progressReporter(label: string): {
  update: (done: number, total: number, stage: string) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} lignes | {stage}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total, stage) => {
        if (!started) {
          bar.start(Math.max(total, 1), 0, { stage });
          started = true;
        }
        bar.update(Math.min(done, Math.max(total, 1)), { stage });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total, stage) => {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${Math.min(tenth * 10, 100)} % (${done}/${total} lignes, ${stage})\n`);
      }
    },
    stop: () => undefined,
  };
}
