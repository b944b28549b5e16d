import * as z from 'zod';
import { expected, reservedKeyPaths } from './schema';
import { jsonPath, zodProblems } from './problems';
import { parseJsonObject, type ReadOutcome } from './readJson';

/**
 * A client-requirements file: which certifications each client's work needs, so the team report
 * can say who covers it and where the gaps are. Small on purpose:
 *
 *   { "format": "cert-study-requirements", "version": 1,
 *     "requirements": [ { "client": "Northwind Bank", "platform": "AWS", "requires": ["aws-mla-c01"] },
 *                       { "client": "Contoso", "platform": "Azure", "requires": [["azure-ai-103", "azure-ai-102"]] } ] }
 *
 * `requires` lists certification keys one engineer must all hold; an inner list is a choice
 * (any one of them).
 */
export const REQUIREMENTS_FORMAT = 'cert-study-requirements';
export const REQUIREMENTS_VERSION = 1;
export const MAX_REQUIREMENTS_BYTES = 1024 * 1024;

const KeySchema = z.string({ error: expected('a certification key') }).regex(/^(custom:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a key such as aws-mla-c01 or custom:my-cert');

export const RequirementSchema = z
  .object({
    client: z.string({ error: expected('text') }).min(1, 'expected a client name').max(200, 'at most 200 characters'),
    platform: z.string({ error: expected('text') }).max(200, 'at most 200 characters'),
    requires: z
      .array(z.union([KeySchema, z.array(KeySchema, { error: expected('a key or a list of keys') }).min(1, 'a choice needs at least one key')], { error: expected('a key or a list of keys') }), {
        error: expected('a list of certification keys'),
      })
      .min(1, 'expected at least one certification key'),
  })
  .strict();

export const RequirementsFileSchema = z
  .object({
    format: z.literal(REQUIREMENTS_FORMAT, { error: expected(`"${REQUIREMENTS_FORMAT}"`) }),
    version: z.literal(REQUIREMENTS_VERSION, { error: expected(String(REQUIREMENTS_VERSION)) }),
    requirements: z.array(RequirementSchema, { error: expected('a list') }),
  })
  .strict();

export type Requirement = z.infer<typeof RequirementSchema>;
export type RequirementsFile = z.infer<typeof RequirementsFileSchema>;

export function readRequirementsFile(file: string, bytes: Uint8Array | string): ReadOutcome<RequirementsFile> {
  const json = parseJsonObject(file, bytes, MAX_REQUIREMENTS_BYTES, 'requirements file');
  if (!json.ok) return json;
  const reserved = reservedKeyPaths(json.value);
  if (reserved.length) return { ok: false, problems: reserved.map((p) => ({ file, path: jsonPath(p), message: 'the key __proto__ or constructor is not allowed' })) };
  if (json.value.format !== REQUIREMENTS_FORMAT) {
    return { ok: false, problems: [{ file, path: '$.format', message: `expected "${REQUIREMENTS_FORMAT}": not a requirements file` }] };
  }
  if (json.value.version !== REQUIREMENTS_VERSION) {
    return { ok: false, problems: [{ file, path: '$.version', message: `version ${JSON.stringify(json.value.version) ?? 'nothing'} is not one this reader knows (it reads version ${REQUIREMENTS_VERSION})` }] };
  }
  const parsed = RequirementsFileSchema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: zodProblems(file, parsed.error) };
}

/** Each entry of `requires` as a choice of keys: `"a"` → `["a"]`. */
export function choicesOf(requirement: Requirement): string[][] {
  return requirement.requires.map((r) => (typeof r === 'string' ? [r] : r));
}
