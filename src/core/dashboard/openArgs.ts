import * as z from 'zod';
import { CertKeySchema } from '../model/primitives';
import { RANGES } from '../../webviews/dashboard/protocol';

/**
 * Open Dashboard's optional argument: `{ "key"?, "range"? }` opens it (or turns the open one) to
 * that certification and range. The status-bar countdown passes its certification's key; a tree
 * row passes its id (`cert:<key>`).
 */
export const OpenDashboardArgSchema = z.object({ key: CertKeySchema.optional(), range: z.enum(RANGES).optional() }).strict();

export type OpenDashboardArg = z.infer<typeof OpenDashboardArgSchema>;
