/** Alert documents, shared with the site (no DuckDB here). */
import { z } from 'zod';

export const alertSchema = z.object({
  rule: z.string(),
  level: z.enum(['watch', 'alarm']),
  subject: z.string(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  message: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsReportSchema = z.object({
  asOf: z.string(),
  alerts: z.array(alertSchema),
  highest: z.enum(['watch', 'alarm']).nullable(),
});
export type AlertsReport = z.infer<typeof alertsReportSchema>;
