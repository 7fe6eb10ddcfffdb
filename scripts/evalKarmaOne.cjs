/* eslint-disable @typescript-eslint/no-require-imports -- karma loads configs with require() */
// `npm run eval:scaffold` helper: the repository's own karma config (OWN_IT_KARMA) on one spec file
// (OWN_IT_SPEC) in headless Chromium, run from the repository's folder.
const path = require('path');

module.exports = function (config) {
  require(path.resolve(process.env.OWN_IT_KARMA || 'karma.conf.cjs'))(config);
  const spec = process.env.OWN_IT_SPEC;
  const helpers = (config.files || []).map((f) => (typeof f === 'string' ? f : f.pattern)).filter((p) => !/\*/.test(p));
  const preprocessors = {};
  for (const [pattern, list] of Object.entries(config.preprocessors || {})) for (const f of [...helpers, spec]) if (f === pattern || /\*/.test(pattern)) preprocessors[f] = list;
  config.set({
    basePath: process.cwd(),
    files: [...helpers.map((pattern) => ({ pattern, watched: false })), { pattern: spec, watched: false }],
    preprocessors,
    browsers: ['ChromeHeadlessNoSandbox'],
    customLaunchers: { ChromeHeadlessNoSandbox: { base: 'ChromeHeadless', flags: ['--no-sandbox'] } },
    reporters: ['progress'],
    singleRun: true,
  });
};
