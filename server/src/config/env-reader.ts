import { isAbsolute, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** What a concern's reader needs beside the variables: how to report a problem, and whether the demo switch is on. */
export class EnvReader {
  readonly problems: string[] = [];
  /** Variables missing without DEMO=true (the refusal then says how to try the demo instead). */
  readonly missing: string[] = [];
  /** Set once the demo concern is read; the other concerns read it. */
  demo = false;
  /** The environment without empty values: an empty variable counts as unset. */
  readonly present: Record<string, string>;

  constructor(readonly env: Record<string, string | undefined>) {
    this.present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')) as Record<
      string,
      string
    >;
  }

  /** The concern's variables, converted and validated; each broken rule is a problem naming its variable and value. */
  read<T extends object>(variables: new () => T): T {
    const vars = plainToInstance(variables, this.present, { exposeDefaultValues: true });
    this.problems.push(...describe(validateSync(vars, { stopAtFirstError: true }), this.env));
    return vars;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  /**
   * A secret or credential that has a public development value: DEMO=true uses that value when
   * the variable is unset; without DEMO it must be set, and to anything but the development value.
   */
  own(name: string, value: string | undefined, developmentValue: string, what: string): string {
    if (this.demo) return value ?? developmentValue;
    if (value === undefined) {
      this.missing.push(name);
      this.problems.push(`${name} must be set: ${what}`);
    } else if (value === developmentValue) {
      this.problems.push(`${name} must not be the development value published in AlumniLink's source: ${what}`);
    }
    return value ?? '';
  }
}

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((constraint) => `${constraint} (got ${JSON.stringify(env[error.property] ?? '')})`),
  );
}

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    /** Said once after the problems, e.g. how to try the demo instead of setting every variable. */
    readonly hint: string | null = null,
  ) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}${hint ? `\n${hint}` : ''}`);
    this.name = 'ConfigError';
  }
}

export const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
export const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
export const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** A path as given, or relative to the directory the server was started in. */
export const fromCwd = (path: string) => (isAbsolute(path) ? path : resolve(process.cwd(), path));

/** An http(s) URL without its trailing slashes. */
export const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');
