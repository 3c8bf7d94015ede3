// A jest reporter that says, after the summary where nobody can miss it, when the browser suite was skipped.
class SkippedBrowserReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.filter((file) => /[\\/]tests[\\/]browser[\\/]/.test(file.testFilePath) && file.numPendingTests > 0 && file.numPassingTests === 0);
    if (skipped.length === 0) return;
    const line = '!'.repeat(78);
    const message =
      `\n${line}\n!! THE BROWSER TESTS DID NOT RUN: the browser (CHROMIUM_PATH or /usr/bin/chromium) is missing (${skipped.length} file(s) skipped).\n` +
        `!! Install it with: apt-get install -y chromium   (.ci/run does, and CI fails without it)\n${line}\n\n`;
    // at exit: after jest's own summary, as the last thing `npm test` prints
    process.once('exit', () => process.stderr.write(message));
  }
}
module.exports = SkippedBrowserReporter;
