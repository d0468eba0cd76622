/**
 * The filter bar (period, department, region, level) and the controller that redraws the page's charts
 * from the snapshot when a filter changes. Filters live in the URL query string (shareable, survive a
 * reload). Native selects: keyboard-usable and labelled.
 */
import { useEffect, useRef, useState } from 'react';
import { isEmptyFilters, knownValues, parseFilters, resolveFilters, serializeFilters, type SiteFilters } from '../../lib/filters.ts';
import { monthLabel, shortText } from '../../../pipelines/contract/format.ts';
import type { PageId } from '../../lib/pages.ts';

interface Props {
  page: PageId;
  base: string;
  options: { months: string[]; departments: string[]; regions: string[]; levels: string[]; recruiters: string[]; hiringManagers: string[] };
}

/**
 * The job's owners (issue 18) filter every hiring page (each hiring cube has the owner dimensions,
 * contract/cubes.ts). Pay has no owner: on the pay pages an owner filter in the URL is kept for the links and
 * the page says it does not apply (the planner and data quality have no filter bar).
 */
const payPages: readonly PageId[] = ['pay-bands', 'pay-equity'];

export default function Dashboard({ page, base, options }: Props) {
  const [filters, setFilters] = useState<SiteFilters>({});
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const ready = useRef(false);
  // The URL's values in the data's spelling, and what is wrong with the others (shown, never silent).
  const { filters: applied, problems } = resolveFilters(filters, options);
  const appliedKey = serializeFilters(applied);
  const values = knownValues(options);

  useEffect(() => {
    setFilters(parseFilters(window.location.search));
    ready.current = true;
    const onPop = () => setFilters(parseFilters(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!ready.current) return;
    const query = appliedKey;
    // the fragment stays (an alert's link to a row of the Requisitions page)
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, '', url);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-nav], a[data-keep-filters]')) {
      link.search = query;
    }
    document.body.dataset.filtered = isEmptyFilters(applied) ? 'false' : 'true';
    let cancelled = false;
    setState('loading');
    // Loaded on demand: first paint never waits for the chart code or the cubes.
    Promise.all([import('../../lib/redraw.ts')])
      .then(async ([{ loadContext, redraw }]) => {
        const context = await loadContext(page, base, applied);
        if (!cancelled) {
          redraw(page, context);
          document.body.dataset.drawn = query || 'all';
          setState('idle');
        }
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!cancelled) setState('error');
      });
    return () => {
      cancelled = true;
    };
    // keyed on the query string: `applied` is a new object each render
  }, [appliedKey, page, base]);

  const set = (key: keyof SiteFilters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value || undefined }));

  const select = (key: keyof SiteFilters, label: string, values: readonly string[], format: (v: string) => string = (v) => v, all = 'All') => {
    const value = applied[key] ?? filters[key] ?? '';
    // A value the data does not know is shown as given (never "All" while a filter is applied).
    const unknown = value !== '' && !values.includes(value);
    return (
    <label className="filter">
      <span>{label}</span>
      <select name={key} value={value} onChange={set(key)} data-filter={key} aria-invalid={problems.some((p) => p.key === key) || undefined} title={value ? format(value) : undefined}>
        <option value="">{all}</option>
        {unknown && (
          <option value={value} data-unknown>
            {value} (unknown)
          </option>
        )}
        {/* A long name is cut in the list (the select is as wide as its widest option), whole in the title. */}
        {values.map((value) => (
          <option key={value} value={value} title={format(value)}>
            {shortText(format(value))}
          </option>
        ))}
      </select>
    </label>
    );
  };

  return (
    <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {select('from', 'From', options.months, monthLabel, 'Beginning')}
      {select('to', 'To', options.months, monthLabel, 'Data date')}
      {select('department', 'Department', values.departments)}
      {select('region', 'Region', values.regions)}
      {select('level', 'Level', values.levels)}
      {/* the job's owners (issue 18): on the hiring pages, none when owners are hidden (no names in the snapshot) */}
      {!payPages.includes(page) && values.recruiters.length > 0 && select('recruiter', 'Recruiter', values.recruiters)}
      {!payPages.includes(page) && values.hiringManagers.length > 0 && select('hiringManager', 'Hiring manager', values.hiringManagers)}
      <button type="button" onClick={() => setFilters({})} disabled={isEmptyFilters(filters)}>
        Reset
      </button>
      <span className="filter-state" role="status" aria-live="polite">
        {state === 'loading' ? 'Updating…' : state === 'error' ? 'Could not load the data for these filters.' : ''}
      </span>
      {payPages.includes(page) && (applied.recruiter || applied.hiringManager) && (
        <p className="filter-notice" role="note" data-owner-notice>
          The recruiter and hiring manager filters apply on the hiring pages; pay has no owner, so this page shows everyone.
        </p>
      )}
      {problems.length > 0 && (
        <ul className="filter-notice" role="alert" data-filter-notice>
          {problems.map((p) => (
            <li key={`${p.key}=${p.value}`} data-problem={p.key}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
