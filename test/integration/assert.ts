// The assertions the integration suites use, in plain TypeScript: the suites also run in VS Code's
// web worker extension host, which has no Node `assert`. Same names, signatures and (strict-mode)
// semantics as Node's: strictEqual is Object.is; deepStrictEqual compares prototypes, own
// enumerable keys (a key holding undefined is not a missing key), Dates by time, RegExps by
// source and flags, Errors by name and message, Maps and Sets by their entries.

export class AssertionError extends Error {
  override name = 'AssertionError';
  readonly code = 'ERR_ASSERTION';
  /** Read by mocha's reporters, which then print a diff of actual and expected. */
  readonly showDiff: boolean;

  constructor(
    message: string,
    readonly actual: unknown,
    readonly expected: unknown,
    readonly operator: string,
    showDiff = true,
  ) {
    super(message);
    this.showDiff = showDiff;
  }
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`, value, true, 'ok', false);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(actual)} to be strictly equal to ${show(expected)}`, actual, expected, 'strictEqual');
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqual(actual, expected, [])) {
    fail(message, `expected values to be deep-strict-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected, 'deepStrictEqual');
  }
}

export function match(value: string, regExp: RegExp, message?: string | Error): void {
  if (typeof value !== 'string') fail(message, `expected a string to match ${regExp}, got ${show(value)}`, value, regExp, 'match', false);
  if (!regExp.test(value)) fail(message, `expected ${show(value)} to match ${regExp}`, value, regExp, 'match', false);
}

export function doesNotMatch(value: string, regExp: RegExp, message?: string | Error): void {
  if (typeof value !== 'string') fail(message, `expected a string not to match ${regExp}, got ${show(value)}`, value, regExp, 'doesNotMatch', false);
  if (regExp.test(value)) fail(message, `expected ${show(value)} not to match ${regExp}`, value, regExp, 'doesNotMatch', false);
}

function fail(message: string | Error | undefined, generated: string, actual: unknown, expected: unknown, operator: string, showDiff = true): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message === undefined ? generated : `${message}\n${generated}`, actual, expected, operator, showDiff);
}

/** Own enumerable string and symbol keys, as Node's strict deep equality compares them. */
function keysOf(o: object): (string | symbol)[] {
  return [...Object.keys(o), ...Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s))];
}

/** `seen` holds the pairs being compared further up, so cyclic structures terminate. */
function deepEqual(a: unknown, b: unknown, seen: [unknown, unknown][]): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  if (seen.some(([x, y]) => x === a && y === b)) return true;
  seen = [...seen, [a, b]];

  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  if (a instanceof Date && !Object.is(a.getTime(), (b as Date).getTime())) return false;
  if (a instanceof RegExp) {
    const r = b as RegExp;
    if (a.source !== r.source || a.flags !== r.flags || a.lastIndex !== r.lastIndex) return false;
  }
  if (a instanceof Error && (a.name !== (b as Error).name || a.message !== (b as Error).message)) return false;
  // Boxed primitives (new Number(1), new String('x'), ...).
  if (a instanceof Number || a instanceof String || a instanceof Boolean) {
    if (!Object.is(a.valueOf(), (b as typeof a).valueOf())) return false;
  }
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    if (a.size !== m.size) return false;
    const unmatched = [...m.entries()];
    for (const [key, value] of a) {
      const i = unmatched.findIndex(([k, v]) => deepEqual(key, k, seen) && deepEqual(value, v, seen));
      if (i < 0) return false;
      unmatched.splice(i, 1);
    }
  }
  if (a instanceof Set) {
    const s = b as Set<unknown>;
    if (a.size !== s.size) return false;
    const unmatched = [...s];
    for (const value of a) {
      const i = unmatched.findIndex((v) => deepEqual(value, v, seen));
      if (i < 0) return false;
      unmatched.splice(i, 1);
    }
  }
  const ka = keysOf(a);
  const kb = keysOf(b);
  if (ka.length !== kb.length) return false;
  const bo = b as Record<string | symbol, unknown>;
  const ao = a as Record<string | symbol, unknown>;
  return ka.every((k) => Object.prototype.propertyIsEnumerable.call(b, k) && deepEqual(ao[k], bo[k], seen));
}

/** A readable one-line rendering of a value for failure messages. */
export function show(value: unknown, seen: unknown[] = []): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.includes(value)) return '[Circular]';
  seen = [...seen, value];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Error) return `[${value.name}: ${value.message}]`;
  if (value instanceof Map) return `Map(${value.size}) {${[...value].map(([k, v]) => ` ${show(k, seen)} => ${show(v, seen)}`).join(',')} }`;
  if (value instanceof Set) return `Set(${value.size}) {${[...value].map((v) => ` ${show(v, seen)}`).join(',')} }`;
  if (Array.isArray(value)) {
    return `[${Array.from({ length: value.length }, (_, i) => (i in value ? show(value[i], seen) : '<empty>')).join(', ')}]`;
  }
  const record = value as Record<string | symbol, unknown>;
  const entries = keysOf(value).map((k) => `${typeof k === 'symbol' ? `[${String(k)}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${show(record[k], seen)}`);
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const name = proto === null ? '[Object: null prototype] ' : proto.constructor?.name && proto.constructor.name !== 'Object' ? `${proto.constructor.name} ` : '';
  return `${name}{${entries.length ? ` ${entries.join(', ')} ` : ''}}`;
}
