/**
 * The filter bar (period, department, region, level) and the controller that redraws the page's charts
 * from the snapshot when a filter changes. Filters live in the URL query string (shareable, survive a
 * reload). Native selects: keyboard-usable and labelled.
 */
import { useEffect, useRef, useState } from 'react';
import { isEmptyFilters, parseFilters, serializeFilters, type SiteFilters } from '../../lib/filters.ts';
import { monthLabel, shortText } from '../../../pipelines/contract/format.ts';
import type { PageId } from '../../lib/pages.ts';

interface Props {
  page: PageId;
  base: string;
  options: { months: string[]; departments: string[]; regions: string[]; levels: string[] };
}

export default function Dashboard({ page, base, options }: Props) {
  const [filters, setFilters] = useState<SiteFilters>({});
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const ready = useRef(false);

  useEffect(() => {
    setFilters(parseFilters(window.location.search));
    ready.current = true;
    const onPop = () => setFilters(parseFilters(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!ready.current) return;
    const query = serializeFilters(filters);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-nav]')) {
      link.search = query;
    }
    document.body.dataset.filtered = isEmptyFilters(filters) ? 'false' : 'true';
    let cancelled = false;
    setState('loading');
    // Loaded on demand: first paint never waits for the chart code or the cubes.
    Promise.all([import('../../lib/redraw.ts')])
      .then(async ([{ loadContext, redraw }]) => {
        const context = await loadContext(page, base, filters);
        if (!cancelled) {
          redraw(page, context);
          document.body.dataset.drawn = serializeFilters(filters) || 'all';
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
  }, [filters, page, base]);

  const set = (key: keyof SiteFilters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value || undefined }));

  const select = (key: keyof SiteFilters, label: string, values: string[], format: (v: string) => string = (v) => v, all = 'All') => (
    <label className="filter">
      <span>{label}</span>
      <select name={key} value={filters[key] ?? ''} onChange={set(key)} data-filter={key} title={filters[key] ? format(filters[key]) : undefined}>
        <option value="">{all}</option>
        {/* A long name is cut in the list (the select is as wide as its widest option), whole in the title. */}
        {values.map((value) => (
          <option key={value} value={value} title={format(value)}>
            {shortText(format(value))}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {select('from', 'From', options.months, monthLabel, 'Beginning')}
      {select('to', 'To', options.months, monthLabel, 'Data date')}
      {select('department', 'Department', options.departments)}
      {select('region', 'Region', options.regions)}
      {select('level', 'Level', options.levels)}
      <button type="button" onClick={() => setFilters({})} disabled={isEmptyFilters(filters)}>
        Reset
      </button>
      <span className="filter-state" role="status" aria-live="polite">
        {state === 'loading' ? 'Updating…' : state === 'error' ? 'Could not load the data for these filters.' : ''}
      </span>
    </form>
  );
}
