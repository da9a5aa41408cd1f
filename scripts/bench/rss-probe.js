// Loaded with `node --import` into every measured process: reports its peak memory on exit.
process.on('exit', () => {
  process.stderr.write(`\n__MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
