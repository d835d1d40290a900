/** A small, strict argument parser: known flags only, values checked, everything else positional. */
import { UsageError } from './files';

export interface FlagSpec {
  /** Allowed values; undefined means any string. Boolean flags take no value. */
  values?: readonly string[];
  boolean?: boolean;
  /** The flag may be given several times. */
  repeat?: boolean;
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  positional: string[];
}

export function parseArgs(argv: string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option ${name}`);
    let value = 'true';
    if (!spec.boolean) {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      if (spec.values && !spec.values.includes(next)) {
        throw new UsageError(`${name} must be one of ${spec.values.join(', ')}`);
      }
      value = next;
    }
    const list = flags.get(name) ?? [];
    if (list.length && !spec.repeat) throw new UsageError(`${name} given twice`);
    list.push(value);
    flags.set(name, list);
  }
  return { flags, positional };
}
