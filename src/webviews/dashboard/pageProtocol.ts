/**
 * What the dashboard's page needs of its protocol (./protocol.ts), without zod: the ids, the
 * view state it keeps with setState, and how it reads the host's message. The page bundle
 * (dist/webview.js) imports this and only types from ./protocol.ts, so zod stays out of it.
 *
 * Why the page does not run the zod schemas (docs/performance.md, "Dashboard"): checking the
 * host's figures in the page cost 6-8 ms for 26 weeks of ten years' data and 70 ms for "all",
 * on the path from the command to the charts, and zod/mini was 23 KB of the page's script to
 * fetch and compile. The host is this extension itself (a webview receives messages only from
 * the extension that owns its panel), and the unit tests check the host's figures against
 * HostMessageSchema, which stays the contract. The page still shows user text only through
 * textContent (./dom.ts). The other direction, page to host, is checked with zod in the host.
 */

/** The range filter: the last 4, 12 or 26 ISO weeks, or everything logged. */
export const RANGES = ['4w', '12w', '26w', 'all'] as const;
/** The charts, in page order; also the ids of their data tables. */
export const CHART_IDS = ['weekly', 'target', 'practice', 'domains', 'days', 'plans'] as const;
/** Every section with a data-table toggle: the charts, and the ROI figures (words, no chart). */
export const TABLE_IDS = [...CHART_IDS, 'roi'] as const;
/** The longest certification key the filter takes (`aws-mla-c01`, `custom:…`). */
export const CERT_KEY_MAX = 120;

export type Range = (typeof RANGES)[number];
export type ChartId = (typeof CHART_IDS)[number];
export type TableId = (typeof TABLE_IDS)[number];
export interface DashboardFilter {
  range: Range;
  /** One certification, or null for all of them. */
  cert: string | null;
}
/** What the page keeps with setState, and VS Code hands back to the serializer after a reload. */
export interface ViewState {
  filter: DashboardFilter;
  /** The charts whose data table is shown. */
  tables: TableId[];
}

export const DEFAULT_VIEW_STATE: ViewState = { filter: { range: '26w', cert: null }, tables: [] };

type Fields = Record<string, unknown>;
/**
 * A plain object, as JSON gives. Stricter than zod's objects, which also take a class's instance:
 * the state comes back from VS Code as JSON, so only plain objects ever arrive.
 */
const isRecord = (value: unknown): value is Fields => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};
/** Exactly these keys, as zod's strictObject asks. */
const hasExactly = (value: Fields, keys: readonly string[]) => Object.keys(value).length === keys.length && keys.every((key) => key in value);
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * A saved view state, or null when it is missing or does not fit (an older version's). The page
 * sends it back to the host in `ready`, where ViewStateSchema checks it: the two must agree, or a
 * state the page keeps would be refused there (test/unit/dashboardPageProtocol.test.ts compares them).
 */
export function savedViewState(raw: unknown): ViewState | null {
  if (!isRecord(raw) || !hasExactly(raw, ['filter', 'tables'])) return null;
  const { filter, tables } = raw;
  if (!isRecord(filter) || !hasExactly(filter, ['range', 'cert'])) return null;
  const { range, cert } = filter;
  if (!isOneOf(RANGES, range)) return null;
  if (cert !== null && !(typeof cert === 'string' && cert.length <= CERT_KEY_MAX)) return null;
  if (!Array.isArray(tables) || tables.length > TABLE_IDS.length) return null;
  // Indexed, not every(): every() skips the holes of a sparse array, which zod refuses.
  for (let i = 0; i < tables.length; i++) if (!isOneOf(TABLE_IDS, tables[i])) return null;
  return { filter: { range, cert }, tables: [...(tables as TableId[])] };
}

/** A saved view state, or the default. */
export function viewStateOrDefault(raw: unknown): ViewState {
  return savedViewState(raw) ?? DEFAULT_VIEW_STATE;
}

/** The host's one message, told apart from anything else that reaches the page's window. */
export function isDataMessage<T>(raw: unknown): raw is { type: 'data'; data: T } {
  return isRecord(raw) && raw.type === 'data' && isRecord(raw.data);
}
