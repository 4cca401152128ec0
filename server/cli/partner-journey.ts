#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isLocale, LOCALES } from '../../shared/i18n/locale.ts';
import { AppError } from '../errors/app-error.ts';
import { runEvaluate } from './evaluate-command.ts';
import { HELP } from './help.ts';

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'evaluate':
      return evaluateCommand(rest);
    case 'setup': {
      const { runSetupCommand } = await import('./setup-command.ts');
      return runSetupCommand(rest, process.env, (text) => process.stdout.write(text));
    }
    case 'serve':
      return serveCommand(rest);
    case 'sync': {
      const { runSyncCommand } = await import('./sync-command.ts');
      return runSyncCommand(rest, {
        env: process.env,
        write: (text) => process.stdout.write(text),
        log: process.stderr,
        onSignal: (stop) => {
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          return () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
          };
        },
      });
    }
    default:
      throw new AppError('invalid_input', `unknown command "${command}"; see --help`);
  }
}

async function evaluateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { locale: { type: 'string', default: 'en' }, rules: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw new AppError('invalid_input', 'evaluate takes exactly one FILE (or - for standard input)');
  }
  if (!isLocale(values.locale)) {
    throw new AppError('invalid_input', `--locale must be one of ${LOCALES.join(', ')} (got "${values.locale}")`);
  }
  const evaluation = await runEvaluate({ file, locale: values.locale, rulesFile: values.rules, now: Date.now() });
  process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
  return 0;
}

async function serveCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' }, crm: { type: 'string' } } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.crm !== undefined && values.crm !== 'hubspot' && values.crm !== 'salesforce') {
    throw new AppError('invalid_input', `--crm must be hubspot or salesforce (got "${values.crm}")`);
  }
  const { runServe } = await import('./serve-command.ts');
  await runServe(values.crm ? { demoCrm: values.crm } : {});
  return 0;
}

function report(error: unknown): number {
  if (error instanceof AppError) {
    process.stderr.write(`partner-journey: ${error.message}\n`);
    for (const p of error.problems) process.stderr.write(`  ${p.field}: ${p.problem}\n`);
    return error.code === 'invalid_input' || error.code === 'misconfigured' ? 1 : 3;
  }
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`partner-journey: ${error.message}; see --help\n`);
    return 2;
  }
  process.stderr.write(`partner-journey: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 3;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
