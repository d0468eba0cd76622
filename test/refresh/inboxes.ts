/**
 * Inboxes for the refresh fault tests, all derived from the small fixture company (95 resolved offers,
 * 76 accepted: company-wide offer acceptance 80%, a `watch`, no alarm).
 */
import path from 'node:path';
import { fixtureCompany } from '../helpers/company.ts';
import { writeFiles } from '../helpers/tmp.ts';

export const baseOffers = 95;

/** The fixture company's canonical CSVs. */
export function companyFiles(): Record<string, string> {
  return { ...fixtureCompany().files };
}

/** The company plus `count` pending offers (offers ofr-extra-1..count on existing applications). */
export function withExtraOffers(count: number, files = companyFiles()): Record<string, string> {
  const extra = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return `ofr-extra-${n},app-${String(n).padStart(3, '0')},pending,2,2026-06-${String(10 + (n % 18)).padStart(2, '0')}T09:00:00Z,,,,${160000 + n},USD`;
  });
  return { ...files, 'offers.csv': files['offers.csv']! + extra.map((line) => `${line}\n`).join('') };
}

/** The company with one offer row whose status is not a valid value (quarantined, the file still loads). */
export function withOneBadRow(files = companyFiles()): Record<string, string> {
  return { ...files, 'offers.csv': `${files['offers.csv']!}ofr-bad-1,app-002,maybe,1,2026-06-01T09:00:00Z,,,,150000,USD\n` };
}

/** The company without the required `status` column in offers.csv (the file must be refused whole). */
export function withoutOfferStatus(files = companyFiles()): Record<string, string> {
  const lines = files['offers.csv']!.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const index = header.indexOf('status');
  if (index < 0) throw new Error('fixture offers.csv has no status column');
  const cut = lines.map((line) => line.split(',').filter((_, i) => i !== index).join(','));
  return { ...files, 'offers.csv': `${cut.join('\n')}\n` };
}

/**
 * The company with offers ofr-1..ofr-5 (Engineering, accepted) declined instead: 71 of 95 accepted,
 * 74.7% < 75% with >= 10 offers, so the company-wide offer-acceptance alarm fires.
 */
export function withAcceptanceAlarm(files = companyFiles()): Record<string, string> {
  const flipped = files['offers.csv']!.split('\n').map((line) => {
    const match = /^ofr-([1-5]),(app-\d+),accepted,/.exec(line);
    return match ? line.replace(',accepted,', ',declined,') : line;
  });
  return { ...files, 'offers.csv': flipped.join('\n') };
}

export function writeInbox(root: string, name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  writeFiles(dir, files);
  return dir;
}
