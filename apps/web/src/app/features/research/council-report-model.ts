import { CARD_STAGES, CouncilReport, GROUP_STATES, MEETING_KINDS } from '@allmende/contracts';
import { ParamMap } from '@angular/router';
import { validPeriod } from './research-filters';
import { addDays, exclusiveEnd, isIsoDate, monthsBefore } from './research-format';

/** The report's period as people choose it: first and last day, inclusive. */
export interface CouncilPeriod {
  from: string;
  to: string;
}

/** The last 12 months up to and including `today`. */
export function defaultCouncilPeriod(today: string): CouncilPeriod {
  return { from: addDays(monthsBefore(today, 12), 1), to: today };
}

/** The period from the URL (`?from=2024-01-01&to=2024-12-31`), else the last 12 months; a reversed period falls back too. */
export function readCouncilPeriod(params: ParamMap, today: string): CouncilPeriod {
  const fallback = defaultCouncilPeriod(today);
  const from = params.get('from');
  const to = params.get('to');
  const period = { from: isIsoDate(from) ? from : fallback.from, to: isIsoDate(to) ? to : fallback.to };
  return validPeriod(period.from, period.to) ? period : fallback;
}

/** The API query: `to` is the day after the last one. */
export function councilQuery(period: CouncilPeriod): { from: string; to: string } {
  return { from: period.from, to: exclusiveEnd(period.to) };
}

const byOrder =
  <T>(order: readonly string[], key: (item: T) => string) =>
  (a: T, b: T) => {
    const rank = (x: T) => {
      const i = order.indexOf(key(x));
      return i < 0 ? order.length : i;
    };
    return rank(a) - rank(b) || key(a).localeCompare(key(b));
  };

/** The report's lists in the app's usual order (meeting kinds, group states, card stages); totals. */
export function councilView(report: CouncilReport) {
  const meetings = [...report.meetings].sort(byOrder(MEETING_KINDS, (m) => m.kind));
  const groups = [...report.groups].sort(byOrder(GROUP_STATES, (g) => g.state));
  const stages = [...CARD_STAGES, ...Object.keys(report.outputs).filter((s) => !(CARD_STAGES as readonly string[]).includes(s)).sort()];
  const outputs = stages.map((stage) => ({ stage, count: report.outputs[stage] ?? 0 }));
  return {
    report,
    members: [...report.members.byActorType].sort((a, b) => (a.actorType === 'none' ? 1 : b.actorType === 'none' ? -1 : 0)),
    meetings,
    meetingTotals: { held: meetings.reduce((s, m) => s + m.held, 0), attendance: meetings.reduce((s, m) => s + m.attendance, 0) },
    groups,
    groupTotal: groups.reduce((s, g) => s + g.count, 0),
    outputs,
    outputTotal: outputs.reduce((s, o) => s + o.count, 0),
  };
}
