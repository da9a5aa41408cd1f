// Preloaded with `node --require` into every measured process (worker threads inherit it):
// reports its peak memory on exit. CommonJS, so that measuring adds no ES module loader to a
// process that would not start one itself.
process.on('exit', () => {
  process.stderr.write(`\n__MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
