/**
 * Chart functions of the site (STYLE: "Charts are pure functions"): `(data, options) => <svg>`, drawn at build
 * time with a jsdom `document` and again in the browser with `window.document`.
 */
import { agingBars } from './agingBars.ts';
import { funnelBars } from './funnelBars.ts';
import { kmCurve } from './kmCurve.ts';
import { oarTrend } from './oarTrend.ts';
import { offerSpeed } from './offerSpeed.ts';
import { offersVsBands } from './offersVsBands.ts';
import { payBands } from './payBands.ts';
import { payGapBars } from './payGapBars.ts';
import { payGapQuartiles } from './payGapQuartiles.ts';
import { rateBars } from './rateBars.ts';
import { reasonBars } from './reasonBars.ts';
import { regionTimelines } from './regionTimelines.ts';
import { sourceBars } from './sourceBars.ts';
import { stageTimeBars } from './stageTimeBars.ts';
import { ttfHistogram } from './ttfHistogram.ts';
import { ttfTrend } from './ttfTrend.ts';

export { palette, tints } from './palette.ts';
export { chartStyle, noDataText, type Chart, type ChartOptions } from './common.ts';
export { oarTrend, type OarTrendOptions } from './oarTrend.ts';
export { rateBars, type RateBarsOptions } from './rateBars.ts';
export { offerSpeed } from './offerSpeed.ts';
export { ttfHistogram, type TtfHistogramOptions } from './ttfHistogram.ts';
export { ttfTrend, type TtfTrendOptions } from './ttfTrend.ts';
export { kmCurve } from './kmCurve.ts';
export { regionTimelines } from './regionTimelines.ts';
export { agingBars } from './agingBars.ts';
export { funnelBars } from './funnelBars.ts';
export { stageTimeBars } from './stageTimeBars.ts';
export { sourceBars } from './sourceBars.ts';
export { payBands, type PayBand, type PayBandsOptions } from './payBands.ts';
export { offersVsBands, type OffersVsBandsOverall } from './offersVsBands.ts';
export { reasonBars, type ReasonSegment } from './reasonBars.ts';
export { payGapBars, type PayGapBar, type PayGapBarsOptions } from './payGapBars.ts';
export { payGapQuartiles, type PayGapQuartile } from './payGapQuartiles.ts';

/** Chart id -> chart function, for islands and pages that pick a chart by name. */
export const charts = {
  oarTrend,
  rateBars,
  offerSpeed,
  ttfHistogram,
  ttfTrend,
  kmCurve,
  regionTimelines,
  agingBars,
  funnelBars,
  stageTimeBars,
  sourceBars,
  payBands,
  offersVsBands,
  reasonBars,
  payGapBars,
  payGapQuartiles,
} as const;
export type ChartId = keyof typeof charts;
