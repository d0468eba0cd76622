/**
 * The planner form (issue 18, Deliver 6): department, hires and date; the plan is computed in the browser
 * by pipelines/contract/plan.ts, the module `hirescope plan` uses. Rendered at build time with the worked
 * example, so the page shows a whole plan without JavaScript.
 */
import { useState } from 'react';
import { exampleRequest, perWeekText, planFor, plannable, type PlannerData } from '../../lib/planner.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';

const stageLabel = { applications: 'Applications', screens: 'Screens', onsites: 'Onsites', offers: 'Offers', hires: 'Hires' } as const;

export default function Planner({ data }: { data: PlannerData }) {
  const example = exampleRequest(data);
  const [department, setDepartment] = useState(example?.department ?? '');
  const [hires, setHires] = useState(String(example?.hires ?? 1));
  const [by, setBy] = useState(example?.by ?? data.asOf);
  if (!example) return <p data-planner-empty>No application in the last {data.months} months: nothing to plan from.</p>;
  const count = Number(hires);
  const valid = Number.isInteger(count) && count >= 1 && /^\d{4}-\d{2}-\d{2}$/.test(by) && by > data.asOf;
  const plan = valid ? planFor(data, { department, hires: count, by }) : null;
  return (
    <div className="planner" data-planner>
      <form className="filters" aria-label="Hiring target" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span>Department</span>
          <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)} data-plan-input="department">
            {plannable(data).map((d) => (
              <option key={d.department} value={d.department}>
                {d.department}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>Hires</span>
          <input name="hires" type="number" min={1} step={1} value={hires} onChange={(e) => setHires(e.target.value)} data-plan-input="hires" />
        </label>
        <label className="filter">
          <span>By</span>
          <input name="by" type="date" min={data.asOf} value={by} onChange={(e) => setBy(e.target.value)} data-plan-input="by" />
        </label>
      </form>
      {!plan ? (
        <p role="alert" data-plan-message>
          Give a whole number of hires and a date after {data.asOf}.
        </p>
      ) : (
        <div data-plan={`${plan.department}|${plan.hires}|${plan.by}`}>
          <p data-plan-summary>
            {plan.hires} hire{plan.hires === 1 ? '' : 's'} in {plan.department} by {plan.by}: application to hire takes {plan.leadDays} days
            (median stays), so applications run from {plan.startsOn}
            {plan.feasible ? ` for ${plan.weeks} week${plan.weeks === 1 ? '' : 's'}.` : '.'}
          </p>
          {plan.missing.length > 0 ? (
            <p role="alert" data-plan-message>
              No plan: no application of the last {data.months} months was decided at {plan.missing.join(', ')}.
            </p>
          ) : (
            <>
              {!plan.feasible && (
                <p role="alert" data-plan-message>
                  Too soon: the earliest date with a week of applications is {plan.earliestBy}.
                </p>
              )}
              <div className="table-scroll">
              <table data-plan-table>
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Needed</th>
                    <th scope="col">Range (95%)</th>
                    <th scope="col">Per week</th>
                    <th scope="col">Range per week</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.stages.map((s) => (
                    <tr key={s.stage} data-stage={s.stage}>
                      <th scope="row">{stageLabel[s.stage]}</th>
                      <td data-cell="needed">{s.needed}</td>
                      <td data-cell="range">
                        {s.low}–{s.high ?? '∞'}
                      </td>
                      <td data-cell="per-week">{perWeekText(s.perWeek)}</td>
                      <td data-cell="per-week-range">{s.perWeekLow === null ? '—' : `${perWeekText(s.perWeekLow)}–${s.perWeekHigh === null ? '∞' : perWeekText(s.perWeekHigh)}`}</td>
                      <td data-cell="from">{s.startsOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
              <p className="muted">
                Rates: {plan.rates.map((r) => `to ${r.step} ${r.rate === null ? '—' : formatPercent(r.rate, 1)}`).join(' · ')}. Ranges take every rate at
                its 95% interval's bound together.
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
