import { MAX_TEAM_FILE_BYTES, TEAM_FORMAT, TEAM_FORMAT_VERSION, TeamFileSchema, type TeamFile } from './schema';
import { zodProblems } from './problems';
import { parseJsonObject, type ReadOutcome } from './readJson';

/**
 * Reads one team file strictly: too large, not JSON, another format or version, an unknown key
 * (outside `extensions`), an impossible date, negative minutes, a `__proto__` or `constructor`
 * key: refused whole, with the file's name, the JSON path and a plain message. Nothing of a
 * refused file is used.
 */
export function readTeamFile(file: string, bytes: Uint8Array | string): ReadOutcome<TeamFile> {
  const json = parseJsonObject(file, bytes, MAX_TEAM_FILE_BYTES, 'team file');
  if (!json.ok) return json;
  const { format, version } = json.value;
  if (format !== TEAM_FORMAT) {
    return { ok: false, problems: [{ file, path: '$.format', message: `expected "${TEAM_FORMAT}", found ${preview(format)}: not a team file` }] };
  }
  if (version !== TEAM_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [{ file, path: '$.version', message: `version ${preview(version)} is not one this reader knows (it reads version ${TEAM_FORMAT_VERSION})` }],
    };
  }
  const parsed = TeamFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  return { ok: true, value: parsed.data as TeamFile };
}

/** The file as written: UTF-8 JSON, two-space indented, keys in the contract's order, a final newline. */
export function serializeTeamFile(file: TeamFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
