/**
 * The canonical stages of DESIGN §2, in funnel order, with their display names. One definition for the
 * reference tables, the metric schemas and the site (no zod here: the browser imports it).
 */
export const stageKeys = ['applied', 'screen', 'technical', 'onsite', 'offer', 'hired'] as const;
export type StageKey = (typeof stageKeys)[number];

export const stageLabels: Record<StageKey, string> = {
  applied: 'Application Review',
  screen: 'Screen',
  technical: 'Technical',
  onsite: 'Onsite',
  offer: 'Offer',
  hired: 'Hired',
};
