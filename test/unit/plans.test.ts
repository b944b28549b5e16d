import assert from 'node:assert/strict';
import { Catalog, isRetired } from '../../src/core/catalog/catalog';
import { parseCommandArg } from '../../src/core/certifications/commandArgs';
import { ApplyStackArgSchema, EditPlanArgSchema, parsePlanArg } from '../../src/core/plans/args';
import { addMonths, monthRange, monthsBetween } from '../../src/core/plans/months';
import { applyStackTemplate, PlanError, setItemMonths, shiftPlan } from '../../src/core/plans/plan';
import { PlanService } from '../../src/core/plans/planService';
import { defaultChoices, leftOutNote, replacementNote, resolveStack } from '../../src/core/plans/resolve';
import { STACK_TEMPLATES, stackTemplate } from '../../src/core/plans/stacks';
import { planTimeline } from '../../src/core/plans/timeline';
import { StudyStore } from '../../src/core/store/studyStore';
import { buildCertTree, certNodeId } from '../../src/core/tree/certTree';
import { formatPlaceholders as t } from '../../src/core/util/localize';
import { NodeFileAccess } from '../../src/platform/nodeFileAccess';
import { MemoryStorage } from './support/memoryStorage';
import { sampleCert, sampleSession } from './support/samples';
import { useTempFolder } from './support/tempFolder';

const catalog = new Catalog();
const now = new Date('2026-11-26T15:00:00Z'); // 08:00 in Denver

function apply(stack: 'full-stack' | 'enterprise' | 'specialized', extra: Partial<Parameters<typeof applyStackTemplate>[0]> = {}) {
  return applyStackTemplate({ stack, startMonth: '2027-01', tracked: [], catalog, now, t, ...extra });
}

describe('certification stacks: the article’s templates brought up to date', () => {
  it('resolve every slot to catalog keys that exist and are still offered', () => {
    assert.deepEqual(
      STACK_TEMPLATES.map((s) => s.id),
      ['full-stack', 'enterprise', 'specialized'],
    );
    for (const template of STACK_TEMPLATES) {
      const stack = resolveStack(template, catalog);
      for (const slot of stack.slots) {
        for (const key of [...slot.template.articleKeys, ...(slot.template.extraKeys ?? [])]) assert.ok(catalog.get(key), `${template.id}/${slot.template.id}: ${key} is in the catalog`);
        for (const option of slot.options) {
          const entry = catalog.get(option.key);
          assert.ok(entry, `${option.key} exists`);
          assert.equal(isRetired(entry), false, `${template.id}/${slot.template.id}: ${option.key} is still offered`);
        }
        // A retired or closed exam the article names is never offered as it is: a successor, or left out.
        for (const key of slot.template.articleKeys) {
          if (!isRetired(catalog.get(key)!)) continue;
          assert.ok(!slot.options.some((o) => o.key === key), `${key} is not offered`);
          const successors = catalog.get(key)!.successorKeys;
          if (successors.length) for (const s of successors) assert.ok(slot.options.some((o) => o.key === s && o.replaces?.of === key), `${s} stands in for ${key}`);
          else assert.ok(slot.leftOut.includes(key), `${key} is left out`);
        }
      }
      // Slot months as the article gives them, and within the stack's duration.
      for (const slot of template.slots) assert.ok(slot.fromMonth <= slot.toMonth && slot.toMonth <= template.durationMonths.max, `${template.id}/${slot.id}`);
    }
  });

  it('use the successors of retired exams and say so (fact sheet over article)', () => {
    const enterprise = resolveStack(stackTemplate('enterprise')!, catalog);
    const [aws, azure, google] = enterprise.slots;
    assert.deepEqual(
      aws.options.map((o) => o.key),
      ['aws-mla-c01', 'aws-aip-c01'],
    );
    assert.equal(replacementNote(aws.options[0], catalog, t), 'The article names AWS MLS-C01: AWS MLS-C01 retired on 2026-03-31, and AWS MLA-C01 is its successor.');
    assert.deepEqual(
      azure.options.map((o) => o.key),
      ['azure-ai-103'],
    );
    assert.match(replacementNote(azure.options[0], catalog, t)!, /Azure AI-102 retired on 2026-06-30, and Azure AI-103 is its successor/);
    assert.deepEqual(
      google.options.map((o) => [o.key, o.replaces]),
      [['google-pmle', null]],
    );
  });

  it('leave out the TensorFlow Developer Certificate, closed without successor, and say so', () => {
    const fullStack = resolveStack(stackTemplate('full-stack')!, catalog);
    const foundation = fullStack.slots[0];
    assert.deepEqual(foundation.options, []);
    assert.deepEqual(foundation.leftOut, ['tensorflow-developer']);
    assert.equal(leftOutNote('tensorflow-developer', catalog, t), 'TensorFlow Dev has closed and has no successor: left out.');
    const domain = resolveStack(stackTemplate('specialized')!, catalog).slots[1];
    assert.deepEqual(
      domain.options.map((o) => o.key),
      ['nvidia-nca-genl', 'nvidia-ncp-genl', 'sas-ai-ml-professional'],
    );
    assert.deepEqual(domain.leftOut, ['tensorflow-developer']);
    assert.equal(domain.options[0].replaces?.kind, 'current-path', 'NVIDIA DLI (status unknown) → the NVIDIA-Certified exams');
  });

  it('pick a second platform from another provider than the first', () => {
    const fullStack = resolveStack(stackTemplate('full-stack')!, catalog);
    const chosen = defaultChoices(fullStack, catalog);
    assert.deepEqual([...chosen], [
      ['foundation', null],
      ['cloud-platform', 'aws-mla-c01'],
      ['lakehouse', 'databricks-ml-professional'],
      ['second-cloud', 'google-pmle'],
    ]);
    const googleFirst = defaultChoices(fullStack, catalog, { 'cloud-platform': 'google-pmle' });
    assert.equal(googleFirst.get('second-cloud'), 'aws-mla-c01');
    const specialized = defaultChoices(resolveStack(stackTemplate('specialized')!, catalog), catalog);
    assert.deepEqual([...specialized.values()], ['aws-mla-c01', 'nvidia-nca-genl', 'google-pmle', 'nvidia-ncp-genl']);
  });
});

describe('applying a stack', () => {
  it('gives each certification its months from the start month and a target from the catalog’s study hours', () => {
    const { plan, toAdd, skipped, emptySlots } = apply('full-stack');
    assert.deepEqual(plan.items, [
      { key: 'aws-mla-c01', slot: 'cloud-platform', startMonth: '2027-05', endMonth: '2027-09' },
      { key: 'databricks-ml-professional', slot: 'lakehouse', startMonth: '2027-10', endMonth: '2028-02' },
      { key: 'google-pmle', slot: 'second-cloud', startMonth: '2028-03', endMonth: '2028-06' },
    ]);
    assert.deepEqual(emptySlots.map((s) => s.template.id), ['foundation']);
    assert.deepEqual(skipped, []);
    // The lower end of the range, as Add Certification does; MLA-C01 borrows MLS-C01's 120–200 h.
    assert.deepEqual(
      toAdd.map((c) => [c.key, c.status, c.targetMinutes! / 60]),
      [
        ['aws-mla-c01', 'planned', 120],
        ['databricks-ml-professional', 'planned', 120],
        ['google-pmle', 'planned', 100],
      ],
    );
    const enterprise = apply('enterprise', { startMonth: '2027-11' });
    assert.deepEqual(
      enterprise.plan.items.map((i) => [i.key, i.startMonth, i.endMonth]),
      [
        ['aws-mla-c01', '2027-11', '2028-02'],
        ['azure-ai-103', '2028-03', '2028-07'],
        ['google-pmle', '2028-08', '2029-01'],
      ],
    );
    assert.equal(enterprise.toAdd.find((c) => c.key === 'azure-ai-103')!.targetMinutes, 80 * 60, 'AI-102’s 80–120 h');
  });

  it('never overwrites a certification already tracked: it is planned, and named as skipped', () => {
    const mine = sampleCert({ key: 'google-pmle', status: 'passed', earnedOn: '2026-05-01', targetMinutes: 42 * 60, notes: 'mine' });
    const { plan, toAdd, skipped } = apply('enterprise', { tracked: [mine] });
    assert.deepEqual(skipped, ['google-pmle']);
    assert.ok(!toAdd.some((c) => c.key === 'google-pmle'));
    assert.ok(plan.items.some((i) => i.key === 'google-pmle'));
  });

  it('takes explicit choices, and refuses an option that is not one, or one chosen twice', () => {
    const chosen = apply('full-stack', { choices: { 'cloud-platform': 'google-pmle', 'second-cloud': 'azure-ai-103' } });
    assert.deepEqual(chosen.plan.items.map((i) => i.key), ['google-pmle', 'databricks-ml-professional', 'azure-ai-103']);
    const empty = apply('full-stack', { choices: { lakehouse: null } });
    assert.deepEqual(empty.emptySlots.map((s) => s.template.id), ['foundation', 'lakehouse']);
    assert.throws(() => apply('full-stack', { choices: { 'cloud-platform': 'aws-mls-c01' } }), /choices\.cloud-platform: aws-mls-c01 is not an option for this slot \(options: aws-mla-c01, aws-aip-c01, google-pmle\)/);
    assert.throws(() => apply('full-stack', { choices: { 'cloud-platform': 'google-pmle', 'second-cloud': 'google-pmle' } }), /google-pmle is chosen for two slots/);
    assert.throws(() => apply('full-stack', { choices: { nope: 'google-pmle' } }), /has no slot "nope"/);
  });

  it('shifts the whole plan with its start month, and sets one certification’s months', () => {
    const { plan } = apply('enterprise');
    const shifted = shiftPlan(plan, '2027-03');
    assert.equal(shifted.startMonth, '2027-03');
    assert.deepEqual(shifted.items.map((i) => [i.startMonth, i.endMonth]), [
      ['2027-03', '2027-06'],
      ['2027-07', '2027-11'],
      ['2027-12', '2028-05'],
    ]);
    assert.deepEqual(shiftPlan(shifted, '2027-01'), plan, 'and back');
    const edited = setItemMonths(plan, 'azure-ai-103', '2027-06', '2027-08', t);
    assert.deepEqual(edited.items[1], { key: 'azure-ai-103', slot: 'azure', startMonth: '2027-06', endMonth: '2027-08' });
    assert.throws(() => setItemMonths(plan, 'azure-ai-103', '2027-09', '2027-08', t), (err: Error) => err instanceof PlanError && /start month 2027-09 is after the end month 2027-08/.test(err.message));
    assert.throws(() => setItemMonths(plan, 'aws-aip-c01', '2027-01', '2027-02', t), /aws-aip-c01 is not in the Enterprise ML Engineer plan/);
  });

  it('does month arithmetic across year ends', () => {
    assert.equal(addMonths('2027-11', 3), '2028-02');
    assert.equal(addMonths('2027-01', -1), '2026-12');
    assert.equal(monthsBetween('2027-11', '2028-02'), 3);
    assert.deepEqual(monthRange('2027-11', '2028-01'), ['2027-11', '2027-12', '2028-01']);
  });
});

describe('plan command arguments', () => {
  it('refuse a start month after the end month, a malformed month, an unknown stack', () => {
    assert.throws(
      () => parsePlanArg(EditPlanArgSchema, { plan: 'enterprise', key: 'azure-ai-103', startMonth: '2027-09', endMonth: '2027-08' }, t),
      /startMonth: the start month is after the end month, got "2027-09"/,
    );
    assert.throws(() => parseCommandArg(ApplyStackArgSchema, { stack: 'enterprise', startMonth: '2027-13' }, t), /startMonth: expected a month as YYYY-MM, e\.g\. 2027-01, got "2027-13"/);
    assert.throws(() => parseCommandArg(ApplyStackArgSchema, { stack: 'gold' }, t), /stack: .*got "gold"/);
  });

  it('accept plan row ids', () => {
    assert.deepEqual(parsePlanArg(EditPlanArgSchema, 'plan:enterprise/azure-ai-103', t), { plan: 'enterprise', key: 'azure-ai-103' });
    assert.deepEqual(parsePlanArg(EditPlanArgSchema, 'plan:full-stack', t), { plan: 'full-stack' });
  });
});

describe('PlanService', () => {
  const temp = useTempFolder();
  const setup = async () => {
    const storage = new MemoryStorage();
    const store = new StudyStore(storage, new NodeFileAccess(), temp.path(), () => now);
    await store.load();
    return { storage, store, plans: new PlanService(store, () => now) };
  };

  it('adds the new certifications, saves the plan, and leaves a tracked one exactly as it was', async () => {
    const { store, plans, storage } = await setup();
    const mine = sampleCert({ key: 'aws-mla-c01', status: 'studying', targetMinutes: 33 * 60, notes: 'keep me' });
    await store.setCertifications([mine]);
    const applied = await plans.applyStack({ stack: 'enterprise', startMonth: '2027-01' });
    assert.deepEqual(applied.added, ['azure-ai-103', 'google-pmle']);
    assert.deepEqual(applied.skipped, ['aws-mla-c01']);
    assert.deepEqual(store.state.get('certifications')[0], mine, 'untouched');
    assert.deepEqual(store.state.get('certifications').map((c) => c.key), ['aws-mla-c01', 'azure-ai-103', 'google-pmle']);
    assert.equal((storage.get('certStudy.plans') as { v: number; data: unknown[] }).v, 1);
    assert.equal((storage.get('certStudy.plans') as { data: unknown[] }).data.length, 1, 'saved at once');
  });

  it('refuses to apply the same stack twice, and saves nothing for a bad choice', async () => {
    const { store, plans, storage } = await setup();
    await plans.applyStack({ stack: 'enterprise', startMonth: '2027-01' });
    const before = [...storage.data.entries()];
    await assert.rejects(plans.applyStack({ stack: 'enterprise', startMonth: '2027-05' }), /The Enterprise ML Engineer plan is already applied \(from 2027-01\)/);
    await assert.rejects(plans.applyStack({ stack: 'full-stack', startMonth: '2027-05', choices: { lakehouse: 'google-pmle' } }), /not an option/);
    assert.deepEqual([...storage.data.entries()], before, 'nothing saved');
    assert.equal(store.state.get('plans').length, 1);
  });

  it('shifts, sets months (refusing a start after the end), removes and restores a plan', async () => {
    const { plans } = await setup();
    await plans.applyStack({ stack: 'enterprise', startMonth: '2027-01' });
    assert.equal((await plans.shift('enterprise', '2027-04')).items[0].startMonth, '2027-04');
    await assert.rejects(plans.setMonths('enterprise', 'google-pmle', '2028-05', '2028-01'), /start month 2028-05 is after the end month 2028-01/);
    assert.equal(plans.require('enterprise').items[2].startMonth, '2028-01', 'unchanged');
    const { removed, index } = await plans.remove('enterprise');
    assert.deepEqual(plans.plans(), []);
    await plans.restore(removed, index);
    assert.equal(plans.plans().length, 1);
  });
});

describe('plans in the tree and the timeline', () => {
  it('puts a plan row after the week row and before the certification rows, with its certifications and months', () => {
    const { plan, toAdd } = apply('full-stack');
    const tree = buildCertTree({
      snapshot: { logsLoaded: true, certifications: toAdd, customCertifications: [], profile: null, sessions: [], practiceExams: [] },
      catalog,
      now,
      sortBy: 'examDate',
      t,
      week: { block: { enabled: true, start: '08:00', durationMinutes: 60, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, dailyMinimumMinutes: 20, restDays: [] },
      plans: [plan],
    });
    assert.deepEqual(tree.rootIds, ['week', 'plan:full-stack', ...['aws-mla-c01', 'databricks-ml-professional', 'google-pmle'].map(certNodeId)]);
    const row = tree.nodes.get('plan:full-stack')!;
    assert.equal(row.label, 'Full-Stack ML Engineer plan');
    assert.equal(row.description, '2027-01 – 2028-06 · 0 of 3 passed');
    assert.deepEqual(row.childIds, ['plan:full-stack/slot:foundation', 'plan:full-stack/aws-mla-c01', 'plan:full-stack/databricks-ml-professional', 'plan:full-stack/google-pmle']);
    assert.equal(tree.nodes.get('plan:full-stack/aws-mla-c01')!.description, '2027-05 – 2027-09 · planned');
    assert.match(tree.nodes.get('plan:full-stack/aws-mla-c01')!.tooltip, /AWS MLS-C01 retired on 2026-03-31, and AWS MLA-C01 is its successor/);
    assert.equal(tree.nodes.get('plan:full-stack/slot:foundation')!.description, '2027-01 – 2027-04 · no exam');
    assert.match(tree.nodes.get('plan:full-stack')!.tooltip, /TensorFlow Dev has closed and has no successor/);
    assert.deepEqual(tree.nodes.get('plan:full-stack/google-pmle')!.command, { id: 'certStudy.editPlan', title: 'Edit Plan', argument: { plan: 'full-stack', key: 'google-pmle' } });
    for (const node of tree.nodes.values()) if (node.parentId) assert.ok(tree.nodes.get(node.parentId)!.childIds.includes(node.id), node.id);
  });

  it('sets planned months against the months with study and the day passed', () => {
    const { plan } = apply('enterprise', { startMonth: '2026-06' });
    const certifications = [
      sampleCert({ key: 'aws-mla-c01', status: 'passed', earnedOn: '2026-10-20' }),
      sampleCert({ key: 'azure-ai-103', status: 'studying' }),
    ];
    const sessions = [
      sampleSession({ certKey: 'aws-mla-c01', start: '2026-07-02T08:00:00.000-06:00', end: '2026-07-02T09:00:00.000-06:00' }),
      sampleSession({ certKey: 'aws-mla-c01', start: '2026-09-30T08:00:00.000-06:00', end: '2026-09-30T09:30:00.000-06:00' }),
      sampleSession({ certKey: 'azure-ai-103', start: '2026-11-03T08:00:00.000-07:00', end: '2026-11-03T09:00:00.000-07:00' }),
    ];
    const timeline = planTimeline({ plan, certifications, sessions, catalog, now, t });
    assert.equal(timeline.thisMonth, '2026-11');
    assert.deepEqual(timeline.months[0], '2026-06');
    assert.deepEqual(timeline.months.at(-1), '2027-08');
    assert.deepEqual(
      timeline.rows.map((r) => [r.key, r.plannedFrom, r.plannedTo, r.studiedFrom, r.studiedTo, r.passedOn, r.state]),
      [
        ['aws-mla-c01', '2026-06', '2026-09', '2026-07', '2026-09', '2026-10-20', 'passed-late'],
        ['azure-ai-103', '2026-10', '2027-02', '2026-11', '2026-11', null, 'current'],
        ['google-pmle', '2027-03', '2027-08', null, null, null, 'not-tracked'],
      ],
    );
    assert.deepEqual(timeline.rows[0].studyMinutesByMonth, { '2026-07': 60, '2026-09': 90 });
    assert.equal(timeline.passed, 1);
  });
});
