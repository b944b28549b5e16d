// The zod/mini names that src/ uses (the dashboard's message schemas, shared with its page), for dist/zod.js (./zodBundle.ts).
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  int,
  literal,
  maxLength,
  maximum,
  minimum,
  nullable,
  number,
  object,
  regex,
  strictObject,
  string,
  ZodMiniType,
} from 'zod/mini';
