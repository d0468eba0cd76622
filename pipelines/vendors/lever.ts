/**
 * Lever (LeverTRM) data pulled from the Lever API v1 and flattened to CSV, one file per resource, the
 * tables of the Singer/Stitch Lever integration: opportunities (a candidate's pipeline for one job),
 * their stage changes, applications, offers, postings (jobs), requisitions (openings), stages and
 * archive reasons. Column names are the API's own camelCase names; a nested object is flattened with
 * `_` (`archived.reason` -> `archived_reason`, `categories.team` -> `categories_team`). Timestamps are
 * epoch milliseconds (ISO 8601 is accepted too; a date-time without an offset is UTC).
 *
 * JSON lines (one API object per line, e.g. GET /opportunities?expand=applications) are flattened one
 * level by the loader (`archived_reason`, `categories_team`, `requisitionForHire_id`); arrays and deeper
 * objects arrive as JSON text: the columns `stageChanges`, `sources`, `applications`, `postings`,
 * `fields`, `signatures_candidate` (and `archived`, `categories`, `signatures` for a CSV that kept an
 * object as JSON) hold that text and the derivation reads them beside the flattened columns. Values
 * inside JSON text are not quarantined one by one: an unreadable one is left empty. See docs/importing.md.
 */
import { vendorTables, type Vendor } from './types.ts';

/** Offer statuses as the Lever API documents them (Offers: `status`). */
export const offerStatuses = ['draft', 'approval-sent', 'approved', 'sent', 'sent-manually', 'opened', 'denied', 'signed'] as const;

export const lever: Vendor = {
  name: 'lever',
  label: 'Lever',
  // Openings after applications: an opening's hire is the hired opportunity whose application names
  // the requisition (`requisitionForHire`).
  derives: ['jobs', 'applications', 'openings', 'stage_history', 'offers'],
  tables: vendorTables('lever', [
    // Only the columns the derivation reads are declared (and checked); others (userId, toStageIndex,
    // approvedAt, headcountHired...) are reported as ignored, so a bad value there quarantines nothing.
    {
      base: 'opportunities',
      key: ['id'],
      signature: ['contact', 'createdAt', 'origin'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'contact', type: 'id' },
        { name: 'createdAt', type: 'timestamp_utc' },
        { name: 'origin', type: 'text' },
        // An array in the API: the first source counts (a JSON array, or one name).
        { name: 'sources', type: 'text' },
        // `archiveReason` / `archivedAt` are the deprecated top-level spellings of `archived`.
        { name: 'archived_reason', type: 'id', aliases: ['archiveReason'] },
        { name: 'archived_archivedAt', type: 'timestamp_utc', aliases: ['archivedAt'] },
        { name: 'archived', type: 'text' },
        { name: 'stageChanges', type: 'text' },
        { name: 'applications', type: 'text' },
      ],
    },
    {
      base: 'stage_changes',
      key: ['opportunityId', 'toStageId', 'updatedAt'],
      // The API's `stageChanges` array of each opportunity: a newer export replaces all the stage changes
      // of each opportunity it holds.
      replaceBy: ['opportunityId'],
      hints: ['stage_changes', 'stagechanges', 'opportunity_stage_changes'],
      columns: [
        { name: 'opportunityId', type: 'id', required: true },
        { name: 'toStageId', type: 'id', required: true },
        { name: 'updatedAt', type: 'timestamp_utc', required: true },
      ],
    },
    {
      base: 'applications',
      key: ['id'],
      signature: ['opportunityId', 'posting'],
      hints: ['applications', 'opportunity_applications'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'opportunityId', type: 'id', required: true },
        { name: 'posting', type: 'id' },
        { name: 'createdAt', type: 'timestamp_utc' },
        { name: 'requisitionForHire_id', type: 'id' },
      ],
    },
    {
      base: 'offers',
      key: ['id'],
      signature: ['opportunityId', 'status'],
      hints: ['offers', 'opportunity_offers'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'opportunityId', type: 'id', required: true },
        { name: 'status', type: 'enum', values: offerStatuses, required: true },
        { name: 'createdAt', type: 'timestamp_utc' },
        { name: 'sentAt', type: 'timestamp_utc' },
        { name: 'signatures_candidate_signedAt', type: 'timestamp_utc', aliases: ['signedAt'] },
        // Not read, declared so that an offers file (which names its posting) is never taken for applications.
        { name: 'posting', type: 'id' },
        // The offer form's `fields` array flattened by identifier (fields_<identifier>); these are the
        // identifiers of the offer form fields for salary, its currency and the start date.
        { name: 'fields_salary_amount', type: 'money', aliases: ['salary_amount', 'salary'] },
        { name: 'fields_salary_currency', type: 'currency', aliases: ['salary_currency', 'currency'] },
        { name: 'fields_anticipated_start_date', type: 'timestamp_utc', aliases: ['anticipated_start_date', 'start_date'] },
        // JSON text: `signatures` (CSV), or `signatures_candidate` (JSON lines flatten one level).
        { name: 'signatures', type: 'text' },
        { name: 'signatures_candidate', type: 'text' },
        { name: 'fields', type: 'text' },
        // Issue 18: an offer form field naming why the candidate declined (identifier decline_reason).
        { name: 'fields_decline_reason', type: 'text', aliases: ['decline_reason'] },
      ],
    },
    {
      base: 'postings',
      key: ['id'],
      signature: ['text', 'state'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'text', type: 'text' },
        { name: 'state', type: 'text' },
        { name: 'createdAt', type: 'timestamp_utc' },
        { name: 'updatedAt', type: 'timestamp_utc' },
        { name: 'categories_department', type: 'text' },
        { name: 'categories_team', type: 'text' },
        { name: 'categories_location', type: 'text' },
        { name: 'categories_level', type: 'text' },
        { name: 'categories', type: 'text' },
        { name: 'country', type: 'text' },
        // Issue 18: the posting owner (the recruiter) and hiring manager, user ids (a users export names them).
        { name: 'owner', type: 'id' },
        { name: 'hiringManager', type: 'id' },
      ],
    },
    {
      base: 'requisitions',
      key: ['id'],
      signature: ['requisitionCode', 'headcountTotal'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'requisitionCode', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'headcountTotal', type: 'text' },
        // An array in the API: the first posting counts (a JSON array, or one id).
        { name: 'postings', type: 'text' },
        { name: 'createdAt', type: 'timestamp_utc' },
        { name: 'closedAt', type: 'timestamp_utc' },
        { name: 'timeToFillStartAt', type: 'timestamp_utc' },
        { name: 'timeToFillEndAt', type: 'timestamp_utc' },
      ],
    },
    {
      base: 'archive_reasons',
      key: ['id'],
      signature: ['text', 'type'],
      hints: ['archive_reasons', 'archivereasons'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'text', type: 'text' },
        { name: 'type', type: 'text' },
      ],
    },
    {
      // Issue 18: Lever users (staff, GET /users), for the names of posting owners and hiring managers.
      base: 'users',
      key: ['id'],
      signature: ['accessRole'],
      hints: ['users'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'accessRole', type: 'text' },
      ],
    },
    {
      base: 'stages',
      key: ['id'],
      signature: ['text'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'text', type: 'text' },
      ],
    },
  ]),
};
