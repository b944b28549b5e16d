import { formatPercent } from '../catalog/percent';
import { duePhrase } from '../practice/treeRows';
import { formatHours } from '../time/durations';
import { localToday } from '../time/localDays';
import type { Localize } from '../util/localize';
import { nameOf, userDataNote, type AgentData } from './agentTools';
import { byUrgency, certFacts, certLabel, clockText, daysPhrase, domainFigures, leastStudiedDomain, morningBlock } from './certFacts';
import { unknownKey } from './status';

/** The next-study tool's input: the certification to plan for, or the most urgent one. */
export interface NextStudyInput {
  key?: string;
}

/**
 * The next-study tool's answer: which certification and which exam domain to study now, and why,
 * in numbered reasons: a practice exam that is due (the cadence), the domain whose latest score
 * costs the most exam points for its weight (or, with no domain scores yet, the one least studied
 * for its weight), the pace against the target and the exam date, the morning block, a running
 * timer. The most urgent certification is the one with the nearest booked exam.
 */
export function nextStudyText(data: AgentData, input: NextStudyInput, t: Localize): string {
  const refusal = unknownKey(input.key, data, t);
  if (refusal) return refusal;
  const facts = byUrgency(certFacts(data, t));
  const lines = [t('Cert Study Tracker: what to study on {0}.', localToday(data.now)), userDataNote(t)];
  const f = input.key === undefined ? facts.find((c) => c.open) : facts.find((c) => c.cert.key === input.key);
  if (!f) {
    lines.push(facts.length ? t('Every tracked certification is passed or expired: nothing to study for now.') : t('No certification is tracked yet: the user can add one with the command Cert Study: Add Certification.'));
    return lines.join('\n');
  }
  const exam = f.cert.examDate ? t(', exam on {0} ({1})', f.cert.examDate, daysPhrase(f.examInDays!, t)) : t(', no exam date booked');
  lines.push(t('Study {0}{1}.', certLabel(f), exam));
  if (!f.open) lines.push(t('It is {0}: there is nothing left to study for it unless it is being renewed.', f.cert.status));

  const why: string[] = [];
  const due = f.practice.due;
  if (f.open && due.kind !== 'none' && due.state !== 'upcoming') {
    why.push(
      due.kind === 'diagnostic'
        ? t('Take the diagnostic practice exam first ({0}): one in the first week of studying shows which domains are weak.', duePhrase(due, t, 'long')!)
        : t('Take a practice exam first ({0}): the cadence is one every {1} days, and its domain scores decide what to study next.', duePhrase(due, t, 'long')!, data.practice.intervalDays),
    );
  }
  const weakest = f.domains[0];
  if (weakest) {
    why.push(t('Domain {0} ({1}): its latest practice score costs the most exam points for its weight: {2}. Study time logged for it: {3} h.', weakest.name, weakest.id, domainFigures(weakest, t), formatHours(f.minutesByDomain.get(weakest.id) ?? 0)));
  } else {
    const least = leastStudiedDomain(f);
    if (least) {
      const weight = least.weight ? t('weight {0}', least.weight) : t('weight unknown');
      why.push(t('Domain {0} ({1}): no practice exam has scored a domain yet, and it has the least study time for its exam weight ({2} h, {3}).', least.name, least.id, formatHours(least.minutes), weight));
    } else {
      why.push(t('No exam domains are known for this certification: study from its exam guide.'));
    }
  }
  if (f.open) why.push(t('Pace: {0}. {1}', f.pace.headline, f.pace.detail));
  const block = morningBlock(data);
  if (block?.running) why.push(t('The morning block runs now, until {0}: a good time for it.', clockText(block.block.end)));
  if (data.timer) {
    const state = data.timer.paused ? t('paused') : t('running');
    why.push(t('A study timer is already {0} for {1}: there is one timer across all windows.', state, nameOf(data.timer.certKey, data.catalog)));
  }
  const latest = f.practice.latest;
  if (latest && f.open) why.push(t('Latest practice score {0} % against a pass mark of {1} %; readiness: {2}.', formatPercent(latest.scorePercent), formatPercent(f.practice.pass.percent), f.practice.readiness.ready ? t('ready') : t('not yet')));
  lines.push(t('Why:'), ...why.map((w, i) => `${i + 1}. ${w}`));
  return lines.join('\n');
}
