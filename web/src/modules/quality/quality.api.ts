import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { QualityReport, RepeatFaults } from '../../../../contract/quality.ts';
import { getJson } from '../../app/api.ts';

export type QualityGrouping = QualityReport['groupBy'];
export type QualityPeriod = { from: string; to: string };

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/quality`;

function params(period: QualityPeriod, groupBy?: QualityGrouping) {
  const search = new URLSearchParams({ from: period.from, to: period.to });
  if (groupBy) search.set('groupBy', groupBy);
  return search.toString();
}

export function qualityQuery(orgId: string, period: QualityPeriod, groupBy: QualityGrouping) {
  return queryOptions({
    queryKey: ['quality', orgId, period, groupBy],
    queryFn: ({ signal }) => getJson<QualityReport>(`${base(orgId)}?${params(period, groupBy)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function repeatsQuery(orgId: string, period: QualityPeriod) {
  return queryOptions({
    queryKey: ['quality', orgId, 'repeats', period],
    queryFn: ({ signal }) => getJson<RepeatFaults>(`${base(orgId)}/repeats?${params(period)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The report as CSV, in the language the user reads (the server's headers follow Accept-Language). */
export function qualityExportUrl(orgId: string, period: QualityPeriod, groupBy: QualityGrouping): string {
  return `${base(orgId)}/export.csv?${params(period, groupBy)}`;
}
