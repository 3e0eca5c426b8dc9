import '../../app/i18n/page-texts.ts';
import { Alert, Anchor, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PendingPage } from '../../app/pending-page.tsx';
import { useChoiceAhead } from '../../ui/choice-ahead.ts';
import { formatNumber } from '../../ui/format.ts';
import { isClientReader } from '../session/session.api.ts';
import { stockholmToday } from '../work-orders/my-jobs.ts';
import { CrossTable } from './cross-table.tsx';
import { type QualityGrouping, qualityExportUrl, qualityQuery, repeatsQuery } from './quality.api.ts';
import { QualityChart } from './quality-chart.tsx';
import { crossTable, groupTotals, isDate, lastTwelveMonths } from './quality-report.ts';
import { RepeatFaultsTable } from './repeat-faults.tsx';

const route = getRouteApi('/app/orgs/$orgId/quality');

/** The groupings the report offers (as contract/quality.ts, without loading Zod into the page). */
const groupings = ['property', 'objectType', 'unitType'] as const satisfies readonly QualityGrouping[];

/** The cross table's choice for every group together. */
const ALL = '*';

/**
 * Kvalitet (beyond the guides): for the orders done in a period, which faults and root causes, where —
 * per property, object type or unit type — and which units came back within 90 days.
 */
export function QualityPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const fallback = lastTwelveMonths(stockholmToday());
  const period = {
    from: isDate(search.from) ? search.from : fallback.from,
    to: isDate(search.to) ? search.to : fallback.to,
  };
  const valid = period.from <= period.to;
  const groupBy: QualityGrouping = (groupings as readonly string[]).includes(search.groupBy ?? '')
    ? (search.groupBy as QualityGrouping)
    : 'property';
  // The grouping chosen shows at once, before the address (and the report) have followed.
  const [shownGroupBy, chooseGroupBy] = useChoiceAhead<string>(groupBy);
  const allowed = isClientReader(membership);
  const report = useQuery({ ...qualityQuery(orgId, period, groupBy), enabled: allowed && valid });
  const repeats = useQuery({ ...repeatsQuery(orgId, period), enabled: allowed && valid });
  const [focus, setFocus] = useState<string | null>(null);
  useDocumentTitle(`${t('quality.title')} – ${membership.orgName} – Ordning`);

  if (!allowed) {
    return (
      <Stack gap="md" maw={720}>
        <Title order={1}>{t('quality.title')}</Title>
        <Text>{t('quality.notAllowed')}</Text>
      </Stack>
    );
  }

  const blank = t('quality.blank');
  const groupLabel = t(`quality.groupBy.${groupBy}`);
  const totals = report.data ? groupTotals(report.data.rows, blank) : [];
  const shownGroup = focus && totals.some((g) => g.group === focus) ? focus : null;
  const update = (patch: { from?: string; to?: string; groupBy?: string }) =>
    void navigate({ search: { ...search, ...patch }, replace: true });

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('quality.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('quality.intro')}
        </Text>
      </div>

      <Paper withBorder p="md" component="section" aria-label={t('quality.choices')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('quality.from')}
            value={period.from}
            onChange={(event) =>
              isDate(event.currentTarget.value) && update({ from: event.currentTarget.value })
            }
            w={{ base: '100%', xs: 180 }}
          />
          <TextInput
            type="date"
            label={t('quality.to')}
            value={period.to}
            error={valid ? null : t('quality.toBeforeFrom')}
            onChange={(event) =>
              isDate(event.currentTarget.value) && update({ to: event.currentTarget.value })
            }
            w={{ base: '100%', xs: 180 }}
          />
          <Radio.Group
            label={t('quality.groupByLabel')}
            value={shownGroupBy}
            onChange={(next) => {
              setFocus(null);
              chooseGroupBy(next);
              update({ groupBy: next });
            }}
          >
            <Group gap="md" mt={6} mb={8}>
              {groupings.map((g) => (
                <Radio key={g} value={g} label={t(`quality.groupBy.${g}`)} />
              ))}
            </Group>
          </Radio.Group>
          {valid && (
            <Anchor
              href={qualityExportUrl(orgId, period, groupBy)}
              download
              size="sm"
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 36 }}
            >
              <IconDownload size={16} aria-hidden />
              {t('quality.export')}
            </Anchor>
          )}
        </Group>
      </Paper>

      {!valid ? null : report.isPending ? (
        <PendingPage />
      ) : report.isError ? (
        <Alert color="red" role="alert">
          {isApiError(report.error) ? report.error.title : t('common.unexpectedError')}
        </Alert>
      ) : (
        <>
          <Text role="status" fw={600}>
            {t('quality.total', { count: report.data.total, from: period.from, to: period.to })}
          </Text>
          {report.data.total > 0 && (
            <>
              <Paper withBorder p="md" component="section" aria-labelledby="chart-title">
                <Title order={2} size="h4" id="chart-title" mb="sm">
                  {t('quality.chartTitle', { group: groupLabel.toLowerCase() })}
                </Title>
                <QualityChart
                  labelledBy="chart-title"
                  items={totals.map((g) => ({ label: g.group, count: g.count }))}
                />
              </Paper>
              <Paper withBorder p="md" component="section" aria-labelledby="cross-title">
                <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
                  <Title order={2} size="h4" id="cross-title">
                    {t('quality.crossTitle')}
                  </Title>
                  <Select
                    label={groupLabel}
                    data={[
                      { value: ALL, label: t('quality.allGroups') },
                      ...totals.map((g) => ({
                        value: g.group,
                        label: `${g.group} (${formatNumber(g.count)})`,
                      })),
                    ]}
                    value={shownGroup ?? ALL}
                    onChange={(next) => setFocus(next === ALL ? null : next)}
                    allowDeselect={false}
                    w={{ base: '100%', xs: 320 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Group>
                <CrossTable
                  caption={shownGroup ?? t('quality.allGroups')}
                  table={crossTable(report.data.rows, shownGroup, blank)}
                />
              </Paper>
            </>
          )}
        </>
      )}

      {valid && (
        <Paper withBorder p="md" component="section" aria-labelledby="repeats-title">
          <Title order={2} size="h4" id="repeats-title" mb={4}>
            {t('quality.repeatsTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {t('quality.repeatsIntro', { days: repeats.data?.windowDays ?? 90 })}
          </Text>
          {repeats.isPending ? (
            <PendingPage />
          ) : repeats.isError ? (
            <Alert color="red" role="alert">
              {isApiError(repeats.error) ? repeats.error.title : t('common.unexpectedError')}
            </Alert>
          ) : (
            <RepeatFaultsTable orgId={orgId} data={repeats.data} labelledBy="repeats-title" />
          )}
        </Paper>
      )}
    </Stack>
  );
}
