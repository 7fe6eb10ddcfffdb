import { main } from './cli/main';

// A reader that stops early (`own-it scan --json | head -1`) closes the pipe: that ends the run
// quietly, as git and other command-line tools do, instead of an uncaught EPIPE and a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`own-it: cannot write the output: ${err.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`own-it: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
