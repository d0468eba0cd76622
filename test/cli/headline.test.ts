/**
 * The first line of the text reports of `metrics`, `owners`, `reasons` and `requisitions` (one function,
 * commands/metrics.ts headline): the command, its as-of, then its filters in brackets, in the order of the
 * report's filters, none when there are none.
 */
import { describe, expect, it } from 'vitest';
import { formatOwners } from '../../pipelines/commands/owners.ts';
import { formatReasons } from '../../pipelines/commands/reasons.ts';
import { headline } from '../../pipelines/commands/metrics.ts';
import { ownersReportSchema } from '../../pipelines/contract/owners.ts';
import { reasonsReportSchema } from '../../pipelines/contract/reasons.ts';

describe('headline', () => {
  it('names the command and the as-of, and the filters only when there are some', () => {
    expect(headline('metrics', { asOf: '2026-06-30', filters: {} })).toBe('hirescope metrics as of 2026-06-30');
    expect(headline('owners', { asOf: '2026-06-30', filters: { department: 'Sales', recruiter: 'Sam Sourcer' } })).toBe(
      'hirescope owners as of 2026-06-30 (department=Sales recruiter=Sam Sourcer)',
    );
  });

  it('heads the owners and reasons reports', () => {
    const owners = formatOwners(ownersReportSchema.parse({ asOf: '2026-06-30', filters: { region: 'EU' }, minRateEvents: 5, recruiters: [], hiringManagers: [] }));
    expect(owners.split('\n').slice(0, 2)).toEqual(['hirescope owners as of 2026-06-30 (region=EU)', '(a rate on fewer than 5 events is "too few")']);
    const reasons = formatReasons(
      reasonsReportSchema.parse({ asOf: '2026-03-31', filters: {}, minCandidates: 3, dropOff: [], dropOffByQuarter: [], declines: [], declinesByQuarter: [] }),
    );
    expect(reasons.split('\n')[0]).toBe('hirescope reasons as of 2026-03-31');
  });
});
