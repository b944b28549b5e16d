import * as z from 'zod';
import { TeamFileShape, TEAM_FORMAT_VERSION } from './schema';

/** Where the generated schema is kept in the repository and shipped in the .vsix. */
export const TEAM_JSON_SCHEMA_PATH = `media/schemas/team-format-v${TEAM_FORMAT_VERSION}.schema.json`;

/**
 * The JSON Schema (draft 2020-12) of the team format, generated from the zod schema, so tools
 * outside VS Code can validate a file without our code. It says everything the zod shape says;
 * the consistency rules (see consistency.ts) are named in its description.
 */
export function teamFormatJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(TeamFileShape, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  return {
    ...schema,
    description:
      'One engineer\'s certifications for their agency (see team-format.md). Readers also check two rules JSON Schema cannot express: ' +
      'each weeklyStudy.weekStart is a Monday, one week after the one before; and no certification key appears twice.',
  };
}

/** The file's text: two-space JSON with a final newline, byte for byte what the build writes. */
export function teamFormatJsonSchemaText(): string {
  return JSON.stringify(teamFormatJsonSchema(), null, 2) + '\n';
}
