/** Progress on stderr for long runs: only when stderr is a terminal, and never into the report. */
export function progress(label: string, enabled = process.stderr.isTTY === true) {
  let last = 0;
  return {
    tick(count: number, detail = '') {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      process.stderr.write(`\r\x1b[K${label} ${count}${detail ? ` ${detail}` : ''}`);
    },
    done(message = '') {
      if (enabled) process.stderr.write(`\r\x1b[K${message}${message ? '\n' : ''}`);
    },
  };
}
