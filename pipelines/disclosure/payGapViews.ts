/**
 * Secondary suppression of the published pay-gap views (issue 19 Deliver 4; DESIGN §4 "nested views differ
 * by 0 or at least minCell people or the smaller is suppressed too").
 *
 * The engine suppresses each view on its own (fewer than minCell women or men, in SQL). The site publishes
 * nested views — the company, each region, each department, each region x department — and two nested
 * views whose populations differ by one woman (say) give her pay away once one money figure anchors the
 * ratios: the mean gaps of the two views pin the ratio of the men's mean to each women's mean, and a cost
 * to close (money) or an Article 7 answer turns that into currency. So for every pair of published views
 * U containing V, per sex, the difference in headcount must be 0 or at least minCell — for the view as a
 * whole (headline gaps, quartiles, adjusted gap, cost), for its variable-pay receivers (variable gaps) and
 * for each category — or V's figure is withheld. A category is nested in its own view too: a category
 * row 1 to minCell - 1 women or men short of the view's headline is withheld (the headline gap and the
 * category's, anchored by the cost to close, would give the few others away). Only the smaller is
 * touched, so a check never makes a pair already checked unsafe. Every figure of a view is a ratio (scale-free) except the cost to close;
 * that one is published only for a view with no withheld category and whose every difference is safe.
 *
 * Pure: aggregates in, aggregates out (the reports already passed the engine's SQL suppression).
 */
import type { PayGapCategory, PayGapReport } from '../contract/payGap.ts';
import type { PayGapView } from '../contract/payGapSnapshot.ts';

export interface ScopedReport {
  readonly region: string | null;
  readonly department: string | null;
  readonly report: PayGapReport;
}

/** U contains V: every filter of U is also a filter of V with the same value (the company contains all). */
export function contains(u: ScopedReport, v: ScopedReport): boolean {
  if (u === v) return false;
  const regionOk = u.region === null || u.region === v.region;
  const departmentOk = u.department === null || u.department === v.department;
  return regionOk && departmentOk && (u.region !== v.region || u.department !== v.department);
}

/** A difference in headcount that isolates too few people: 1 to minCell - 1. */
const unsafe = (larger: number, smaller: number, minCell: number) => larger - smaller > 0 && larger - smaller < minCell;

/** Variable-pay receivers of each sex, from the published shares (null when not published). */
function receivers(report: PayGapReport): { women: number; men: number } | null {
  const { shareWomen, shareMen } = report.variable;
  if (shareWomen === null || shareMen === null) return null;
  return { women: Math.round(shareWomen * report.workers.women), men: Math.round(shareMen * report.workers.men) };
}

const headlinePublished = (report: PayGapReport) => report.hourly.meanGap !== null;

const withheldCategory = (category: PayGapCategory): PayGapCategory => ({
  ...category,
  women: null,
  men: null,
  suppressed: true,
  basicMeanGap: null,
  basicMedianGap: null,
  variableMeanGap: null,
  variableMedianGap: null,
  jointAssessment: false,
});

/** The view's company-wide figures withheld (its workers counts and categories stay, checked on their own). */
function withoutHeadline(report: PayGapReport): PayGapReport {
  return {
    ...report,
    hourly: { meanGap: null, medianGap: null },
    annual: { meanGap: null, medianGap: null },
    variable: { meanGap: null, medianGap: null, shareWomen: null, shareMen: null },
    quartiles: report.quartiles.map((q) => ({ ...q, women: null, men: null, shareWomen: null, shareMen: null })),
    adjusted: { ...report.adjusted, gap: null, low: null, high: null },
    costToClose: null,
  };
}

/** The women and men behind a published figure: a view's headline (category null) or one of its categories. */
interface Group {
  readonly view: ScopedReport;
  readonly category: string | null;
  readonly women: number;
  readonly men: number;
}

/**
 * Group A holds every worker of group B: A's view contains B's (or is it), and A is the whole view, or the
 * same category, or B is a whole view made of A's category alone.
 */
function holds(a: Group, b: Group): boolean {
  if (a === b || !(a.view === b.view || contains(a.view, b.view))) return false;
  if (a.category === null) return true;
  if (b.category !== null) return a.category === b.category;
  const only = b.view.report.categories;
  return only.length === 1 && only[0]!.category === a.category;
}

/**
 * The views as published: larger views first (company, then one filter, then two); in each, the headline
 * then the categories, each checked against every group already published that holds it.
 */
export function publishPayGapViews(scoped: readonly ScopedReport[], minCell: number): PayGapView[] {
  const depth = (v: ScopedReport) => (v.region === null ? 0 : 1) + (v.department === null ? 0 : 1);
  const ordered = [...scoped].sort((a, b) => depth(a) - depth(b));
  const published: PayGapView[] = [];
  const groups: Group[] = [];
  const tooClose = (group: Group) => groups.some((a) => holds(a, group) && (unsafe(a.women, group.women, minCell) || unsafe(a.men, group.men, minCell)));
  for (const view of ordered) {
    let report = view.report;
    const parents = published.filter((u) => contains(u, view));
    const primary = !headlinePublished(report);
    // Headline: against every published group holding it (containing views; a containing view's category
    // when this view is that category alone).
    const headline: Group = { view, category: null, women: report.workers.women, men: report.workers.men };
    const headlineUnsafe = !primary && tooClose(headline);
    if (headlineUnsafe) report = withoutHeadline(report);
    else if (!primary) groups.push(headline);
    // Variable-pay gaps: the receivers of each sex, the same rule against the containing views.
    const mine = receivers(report);
    if (mine && report.variable.meanGap !== null) {
      const variableUnsafe = parents.some((u) => {
        const theirs = u.report.variable.meanGap === null ? null : receivers(u.report);
        return theirs !== null && (unsafe(theirs.women, mine.women, minCell) || unsafe(theirs.men, mine.men, minCell));
      });
      if (variableUnsafe) report = { ...report, variable: { ...report.variable, meanGap: null, medianGap: null } };
    }
    // Categories: against this view's headline and every containing view's headline and same category.
    const secondaryCategories: string[] = [];
    const categories = report.categories.map((category) => {
      if (category.suppressed || category.women === null || category.men === null) return category;
      const group: Group = { view, category: category.category, women: category.women, men: category.men };
      if (!tooClose(group)) {
        groups.push(group);
        return category;
      }
      secondaryCategories.push(category.category);
      return withheldCategory(category);
    });
    report = { ...report, categories };
    const costWithheld = view.report.costToClose !== null && (headlineUnsafe || secondaryCategories.length > 0);
    if (costWithheld) report = { ...report, costToClose: null };
    published.push({
      region: view.region,
      department: view.department,
      suppression: primary ? 'primary' : headlineUnsafe ? 'secondary' : 'none',
      secondaryCategories,
      costWithheld,
      report,
    });
  }
  return published;
}
