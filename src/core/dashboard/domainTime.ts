import type { Catalog } from '../catalog/catalog';
import type { StudySession } from '../model/logs';
import type { IsoDate } from '../model/primitives';
import type { DomainTime } from '../../webviews/dashboard/protocol';
import { weightOf } from '../practice/domainScores';
import { roundPercent } from '../catalog/percent';
import { formatHours, toHours } from '../time/durations';
import { localDayOf } from '../time/localDays';
import { sessionMs } from '../time/sessionTimes';
import type { Localize } from '../util/localize';

export interface DomainCert {
  key: string;
  name: string;
  /** Shown even without study in the range (a certification being studied: where the points are). */
  active: boolean;
}

/**
 * Where study time went against where the exam's points are: per exam domain, the hours of the
 * sessions tagged with it (sessions that started in the range), their share of the tagged
 * hours, and the domain's exam weight (a range's midpoint; an equal share when unknown).
 * Sessions without a domain, or with one the exam no longer has, count as untagged.
 */
export function domainTime(
  input: { sessions: readonly StudySession[]; certs: readonly DomainCert[]; catalog: Catalog; from: IsoDate; today: IsoDate },
  t: Localize,
): DomainTime {
  const wanted = new Set(input.certs.map((c) => c.key));
  const ms = new Map<string, Map<string | null, number>>();
  for (const s of input.sessions) {
    if (!wanted.has(s.certKey)) continue;
    const day = localDayOf(s.start);
    if (day < input.from || day > input.today) continue;
    const byDomain = ms.get(s.certKey) ?? new Map<string | null, number>();
    byDomain.set(s.domainId, (byDomain.get(s.domainId) ?? 0) + sessionMs(s));
    ms.set(s.certKey, byDomain);
  }
  const certs: DomainTime['certs'] = [];
  const sentences: string[] = [];
  for (const cert of input.certs) {
    const entry = input.catalog.get(cert.key);
    if (!entry || entry.domains.length === 0) continue;
    const byDomain = ms.get(cert.key) ?? new Map<string | null, number>();
    if (byDomain.size === 0 && !cert.active) continue;
    const known = new Set(entry.domains.map((d) => d.id));
    let tagged = 0;
    let untagged = 0;
    for (const [id, m] of byDomain) {
      if (id !== null && known.has(id)) tagged += m;
      else untagged += m;
    }
    const rows = entry.domains.map((d) => {
      const m = byDomain.get(d.id) ?? 0;
      return {
        id: d.id,
        name: d.name,
        hours: toHours(m / 60_000),
        sharePercent: tagged > 0 ? roundPercent((m / tagged) * 100) : 0,
        weightPercent: roundPercent(weightOf(d, entry.domains.length)),
        weightKnown: d.weightPercent !== null,
      };
    });
    certs.push({ key: cert.key, name: cert.name, untaggedHours: toHours(untagged / 60_000), rows });
    // The domain furthest below its weight is the one to say.
    const gaps = tagged > 0 ? rows.map((r) => ({ r, gap: r.weightPercent - r.sharePercent })).sort((a, b) => b.gap - a.gap) : [];
    sentences.push(
      gaps.length && gaps[0].gap > 0
        ? t('{0}: {1} h tagged with a domain; {2} has {3} % of your time against {4} % of the exam', cert.name, formatHours(tagged / 60_000), gaps[0].r.name, gaps[0].r.sharePercent, gaps[0].r.weightPercent)
        : t('{0}: {1} h tagged with a domain', cert.name, formatHours(tagged / 60_000)),
    );
  }
  return { certs, summary: sentences.length ? `${sentences.join('; ')}.` : '' };
}
