import type { Range } from '../model/primitives';
import type { StackId } from '../model/plans';

/**
 * The source article's three certification stacks ("The Strategic Certification Stacking Plan"),
 * as it wrote them: month slots from the start of the plan, and for each slot the exams the
 * article names (catalog keys of the exams as the article knew them). Bringing them up to date
 * (a retired exam's successor in its place, said so) is resolveStack's job, from the catalog,
 * so a later catalog update (an exam retired next year) updates the plans without touching this.
 */
export interface StackSlotTemplate {
  /** Stable within the stack; stored with each planned certification. */
  id: string;
  /** Months of the plan, 1-based and inclusive, as the article gives them ("Month 5-9"). */
  fromMonth: number;
  toMonth: number;
  /** What the slot is for, in the article's words. */
  role: string;
  /** The exams the article names for this slot, first the one it leads with. */
  articleKeys: readonly string[];
  /** Exams offered where the article names a kind of certification but no exam ("advanced domain certification"). */
  extraKeys?: readonly string[];
  /** A second platform: by default an exam from another provider than the ones picked in these slots. */
  otherProviderThan?: readonly string[];
}

export interface StackTemplate {
  id: StackId;
  name: string;
  /** How long the article says the stack takes, in months. */
  durationMonths: Range;
  /** The article's billing-rate target for an engineer holding the stack, USD an hour. */
  billingRateUsd: Range;
  /** "Profile created", in the article's words. */
  profile: string;
  slots: readonly StackSlotTemplate[];
}

/** The article's cloud ML platform certifications, for slots that ask for "a cloud ML certification". */
const CLOUD_PLATFORMS = ['aws-mls-c01', 'google-pmle', 'azure-ai-102'] as const;

export const STACK_TEMPLATES: readonly StackTemplate[] = [
  {
    id: 'full-stack',
    name: 'Full-Stack ML Engineer',
    durationMonths: { min: 12, max: 18 },
    billingRateUsd: { min: 240, max: 300 },
    profile: 'An ML engineer who can build models, deploy them on cloud platforms, and operate them in production environments',
    slots: [
      { id: 'foundation', fromMonth: 1, toMonth: 4, role: 'Practical ML foundation', articleKeys: ['tensorflow-developer'] },
      { id: 'cloud-platform', fromMonth: 5, toMonth: 9, role: 'Cloud ML platform', articleKeys: ['aws-mls-c01', 'google-pmle'] },
      { id: 'lakehouse', fromMonth: 10, toMonth: 14, role: 'Lakehouse ML', articleKeys: ['databricks-ml-professional'] },
      {
        id: 'second-cloud',
        fromMonth: 15,
        toMonth: 18,
        role: 'Second cloud ML certification (multi-cloud capability)',
        articleKeys: CLOUD_PLATFORMS,
        otherProviderThan: ['cloud-platform'],
      },
    ],
  },
  {
    id: 'enterprise',
    name: 'Enterprise ML Engineer',
    durationMonths: { min: 9, max: 15 },
    billingRateUsd: { min: 250, max: 325 },
    profile: 'An ML engineer certified across all three major cloud platforms who can serve any enterprise client regardless of platform preference',
    slots: [
      { id: 'aws', fromMonth: 1, toMonth: 4, role: 'AWS, the most commonly required', articleKeys: ['aws-mls-c01'] },
      { id: 'azure', fromMonth: 5, toMonth: 9, role: 'Azure, the second most common platform', articleKeys: ['azure-ai-102'] },
      { id: 'google', fromMonth: 10, toMonth: 15, role: 'Google Cloud, the third platform for multi-cloud credibility', articleKeys: ['google-pmle'] },
    ],
  },
  {
    id: 'specialized',
    name: 'Specialized ML Engineer',
    durationMonths: { min: 12, max: 18 },
    billingRateUsd: { min: 260, max: 350 },
    profile: 'An ML engineer with both broad platform knowledge and deep domain expertise',
    slots: [
      { id: 'primary-platform', fromMonth: 1, toMonth: 4, role: 'Cloud ML platform certification (primary platform)', articleKeys: CLOUD_PLATFORMS },
      {
        id: 'domain',
        fromMonth: 5,
        toMonth: 9,
        role: 'Domain-specific certification (TensorFlow for deep learning, NVIDIA for GPU/edge, SAS for regulated industries)',
        articleKeys: ['tensorflow-developer', 'nvidia-dli', 'sas-ai-ml-professional'],
      },
      {
        id: 'second-platform',
        fromMonth: 10,
        toMonth: 14,
        role: 'Second cloud ML platform certification',
        articleKeys: CLOUD_PLATFORMS,
        otherProviderThan: ['primary-platform'],
      },
      {
        id: 'advanced',
        fromMonth: 15,
        toMonth: 18,
        role: 'Advanced domain certification or specialization',
        articleKeys: [],
        extraKeys: ['nvidia-ncp-genl', 'databricks-ml-professional', 'aws-aip-c01'],
      },
    ],
  },
];

export function stackTemplate(id: string): StackTemplate | undefined {
  return STACK_TEMPLATES.find((s) => s.id === id);
}
