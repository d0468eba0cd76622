import { dataQualitySchema } from '../contract/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

/**
 * Data quality: Rows read and loaded, rows quarantined, stage names no mapping covers, offers without a
 * resolution date.
 */
export const dataQuality: MetricDefinition<typeof dataQualitySchema> = {
  async compute(context) {
    const [r] = await queryMetric<{
      rows_read: number;
      rows_loaded: number;
      rows_rejected: number;
      unmapped_stages: string[];
      pay_rows_without_rate: number;
      offers_without_resolution_date: number;
    }>(context, 'data_quality');
    return {
      rowsRead: r!.rows_read,
      rowsLoaded: r!.rows_loaded,
      rowsRejected: r!.rows_rejected,
      unmappedStages: [...r!.unmapped_stages],
      payRowsWithoutRate: r!.pay_rows_without_rate,
      offersWithoutResolutionDate: r!.offers_without_resolution_date,
    };
  },
};
