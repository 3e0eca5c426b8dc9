import { Alert, Anchor, Center, Group, Loader, Pagination, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { useChoiceAhead } from '../../ui/choice-ahead.ts';
import { formatNumber, pageRange } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { useMedia } from '../../ui/media.ts';
import { canRegisterOrders, isClientDispatcher, isContractorManager } from '../session/session.api.ts';
import { AcceptBundleButton } from './accept-bundle-button.tsx';
import { type BundleGroup, groupByBundle } from './bundle-groups.ts';
import { completedWindow, type WindowSpan } from './completed-window.ts';
import { InboxCards } from './inbox-cards.tsx';
import { inboxColumns } from './inbox-columns.tsx';
import { inboxQueries } from './inbox-data.ts';
import { type AppliedFilter, InboxFilters } from './inbox-filters.tsx';
import {
  defaultOrder,
  type InboxState,
  isFiltered,
  isTechnician,
  statusesInView,
  writeInboxSearch,
} from './inbox-search.ts';
import { InboxSearchBox } from './inbox-search-box.tsx';
import { InboxSortControl } from './inbox-sort-control.tsx';
import { InboxTable } from './inbox-table.tsx';
import { rowSelection } from './row-selection.ts';
import { exportUrl, PAGE_SIZE } from './work-orders.api.ts';

const route = getRouteApi('/app/orgs/$orgId/work-orders');

// Only a client has questions to answer: the notice loads on its own, so the list does not wait for it.
// Mina jobb is the technicians' and marking invoiced the client's: each loads when it is needed, so
// the inbox everyone else opens stays small (scripts/bundle-size.ts).
const MyJobsList = lazy(() => import('./my-jobs-list.tsx').then((m) => ({ default: m.MyJobsList })));
const BulkInvoiceBar = lazy(() =>
  import('./bulk-invoice-bar.tsx').then((m) => ({ default: m.BulkInvoiceBar })),
);
// Only a list opened from a property's page is narrowed to it.
const PropertyFilterChip = lazy(() =>
  import('./property-filter-chip.tsx').then((m) => ({ default: m.PropertyFilterChip })),
);
const OpenQuestionsNotice = lazy(() =>
  import('../communication/open-questions-notice.tsx').then((m) => ({ default: m.OpenQuestionsNotice })),
);

/**
 * The inbox: the company's orders, searched, filtered, sorted and paged from the address (JM step
 * 10–12). For a technician it is Mina jobb: their own orders as big cards, the next visit first.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const navigate = route.useNavigate();
  const viewer = { orgKind: membership.orgKind, role: membership.role };
  const technician = isTechnician(viewer);
  const queries = inboxQueries(orgId, membership, route.useSearch());
  const { state } = queries;
  const [shownGroupByBundle, chooseGroupByBundle] = useChoiceAhead(state.groupByBundle);
  const list = useQuery(queries.list);
  const dashboard = useQuery(queries.dashboard);
  const narrow = useMedia('narrow');
  const clients = useQuery(queries.clients);
  const title = technician ? t('inbox.myJobsTitle') : t('inbox.title');
  useDocumentTitle(`${title} – ${membership.orgName} – Ordning`);

  const update = (patch: Partial<InboxState>, options: { replace?: boolean } = {}) =>
    navigate({ search: writeInboxSearch({ ...state, page: 1, ...patch }, viewer), ...options });

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const range = pageRange({ page: state.page, pageSize: PAGE_SIZE, total });
  const client = membership.orgKind === 'client';
  const counterparts = (dashboard.data?.byCounterpart ?? []).map((c) => ({
    value: c.org.id,
    label: c.org.name,
  }));
  // A client marks done orders Fakturerad from the completed list, several at once.
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const invoicing = isClientDispatcher(membership) && (state.view === 'completed' || state.view === 'all');
  const selection = invoicing
    ? rowSelection(list.data?.items ?? [], picked, (item) => item.status === 'done', setPicked)
    : undefined;
  const span = (s: WindowSpan) => t(`inbox.span.${s.unit}`, { count: s.count });
  const reach = client ? null : completedWindow(clients.data?.items ?? [], state.counterpart);
  const completedLabel = !reach
    ? t('inbox.completed')
    : span(reach.from) === span(reach.to)
      ? t('inbox.completedWithin', { window: span(reach.from) })
      : t('inbox.completedRange', { from: span(reach.from), to: span(reach.to) });
  const columns = inboxColumns(labels, {
    orgKind: membership.orgKind,
    view: state.view,
    invoicing: !technician,
  });
  const sortBy = (sort: InboxState['sort'], order: InboxState['order']) => update({ sort, order });
  const counterpartOf = (item: WorkOrderListItem) =>
    client ? (item.contractor?.name ?? null) : item.client.name;

  const bundleAction = (group: BundleGroup<WorkOrderListItem>): ReactNode =>
    group.bundle && isContractorManager(membership) && group.items.some((o) => o.status === 'new') ? (
      <AcceptBundleButton orgId={orgId} bundle={group.bundle} size="xs" />
    ) : null;

  const filters = (
    <InboxFilters
      view={state.view}
      applied={{
        statuses: state.statuses,
        types: state.types,
        counterpart: state.counterpart,
        property: state.property,
      }}
      statusOptions={statusesInView(state.view, membership.orgKind)}
      counterparts={counterparts}
      counterpartLabel={client ? t('inbox.contractorFilter') : t('inbox.clientFilter')}
      counterpartPlaceholder={client ? t('inbox.allContractors') : t('inbox.allClients')}
      completedLabel={completedLabel}
      onViewChange={(view) => update({ view, statuses: [] })}
      onApply={(filter: AppliedFilter) => update(filter)}
      fold={technician}
      registerOf={client ? orgId : undefined}
    />
  );

  const groups = state.groupByBundle
    ? groupByBundle(list.data?.items ?? [])
    : [{ bundle: null, items: list.data?.items ?? [] }];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} id="inbox-title">
          {title}
        </Title>
        <Group gap="sm">
          {!technician && (
            <Anchor
              href={exportUrl(orgId, state, membership.orgKind)}
              download
              size="sm"
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 36 }}
            >
              <IconDownload size={16} aria-hidden />
              {t('inbox.export')}
            </Anchor>
          )}
          {canRegisterOrders(membership) && (
            <ButtonLink
              to="/orgs/$orgId/work-orders/new"
              params={{ orgId }}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('inbox.register')}
            </ButtonLink>
          )}
        </Group>
      </Group>

      {client && membership.role !== 'support' && (
        <Suspense fallback={null}>
          <OpenQuestionsNotice orgId={orgId} />
        </Suspense>
      )}
      <InboxSearchBox value={state.q} onSearch={(q) => void update({ q }, { replace: true })} />
      {filters}
      {/* A client chooses the property among the filters; a contractor only follows a link to one. */}
      {state.property && !client && (
        <Suspense fallback={null}>
          <PropertyFilterChip
            orgId={orgId}
            propertyId={state.property}
            readsRegister={client}
            onRemove={() => void update({ property: null })}
          />
        </Suspense>
      )}
      {!technician && (
        <Switch
          label={t('inbox.groupByBundle')}
          checked={shownGroupByBundle}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            chooseGroupByBundle(next);
            void update({ groupByBundle: next, page: state.page });
          }}
        />
      )}

      {list.isPending ? (
        <Center py="xl" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : list.isError ? (
        <Alert color="red" role="alert">
          {isApiError(list.error) ? list.error.title : t('common.unexpectedError')}
        </Alert>
      ) : list.data.items.length === 0 ? (
        <Text py="lg" role="status">
          {isFiltered(state) ? t('inbox.emptyFiltered') : technician ? t('myJobs.empty') : t('inbox.empty')}
        </Text>
      ) : (
        <>
          {selection && (
            <Suspense fallback={null}>
              <BulkInvoiceBar orgId={orgId} chosen={selection.chosen} onDone={() => setPicked(new Set())} />
            </Suspense>
          )}
          <Text size="sm" role="status">
            {t('inbox.showing', {
              from: formatNumber(range.from),
              to: formatNumber(range.to),
              total: formatNumber(total),
            })}
          </Text>
          <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
            {technician ? (
              <Suspense
                fallback={
                  <Center py="xl" role="status">
                    <Loader aria-label={t('common.loading')} />
                  </Center>
                }
              >
                <MyJobsList
                  orgId={orgId}
                  items={list.data.items}
                  byDay={state.view === 'active' && state.sort === 'schedule'}
                />
              </Suspense>
            ) : narrow ? (
              <Stack gap="sm">
                <InboxSortControl columns={columns} sort={state.sort} order={state.order} onChange={sortBy} />
                <InboxCards
                  orgId={orgId}
                  groups={groups}
                  grouped={state.groupByBundle}
                  counterpartOf={counterpartOf}
                  bundleAction={bundleAction}
                  selection={selection}
                />
              </Stack>
            ) : (
              <InboxTable
                orgId={orgId}
                groups={groups}
                grouped={state.groupByBundle}
                columns={columns}
                sort={state.sort}
                order={state.order}
                labelledBy="inbox-title"
                bundleAction={bundleAction}
                selection={selection}
                onSort={(sort) =>
                  sortBy(
                    sort,
                    sort === state.sort ? (state.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort),
                  )
                }
              />
            )}
          </div>
          {pages > 1 && (
            <nav aria-label={t('inbox.pages')}>
              <Pagination
                total={pages}
                value={Math.min(state.page, pages)}
                onChange={(page) => void update({ page })}
                siblings={narrow ? 0 : 1}
                getControlProps={(control) => ({ 'aria-label': t(`inbox.${control}Page`) })}
              />
            </nav>
          )}
        </>
      )}
    </Stack>
  );
}
