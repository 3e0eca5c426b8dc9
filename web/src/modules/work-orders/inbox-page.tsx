import { Alert, Center, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatNumber, pageRange } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { ButtonLink } from '../../ui/links.tsx';
import { canRegisterOrders } from '../session/session.api.ts';
import { InboxCards } from './inbox-cards.tsx';
import { inboxColumns } from './inbox-columns.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import {
  defaultOrder,
  type InboxState,
  readInboxSearch,
  statusesInView,
  writeInboxSearch,
} from './inbox-search.ts';
import { InboxTable } from './inbox-table.tsx';
import { PAGE_SIZE, workOrderListQuery } from './work-orders.api.ts';

const route = getRouteApi('/app/orgs/$orgId/work-orders');

/** The inbox: the company's orders, filtered, sorted and paged from the address (JM step 10–12). */
export function InboxPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const navigate = route.useNavigate();
  const state = readInboxSearch(route.useSearch(), membership.orgKind);
  const list = useQuery(workOrderListQuery(orgId, state));
  const narrow = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  useDocumentTitle(`${t('inbox.title')} – ${membership.orgName} – Ordning`);

  const update = (patch: Partial<InboxState>) =>
    navigate({ search: writeInboxSearch({ ...state, page: 1, ...patch }) });

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const range = pageRange({ page: state.page, pageSize: PAGE_SIZE, total });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} id="inbox-title">
          {t('inbox.title')}
        </Title>
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

      <InboxFilters
        view={state.view}
        statuses={state.statuses}
        options={statusesInView(state.view, membership.orgKind)}
        onViewChange={(view) => update({ view, statuses: [] })}
        onApply={(statuses) => update({ statuses })}
      />

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
          {state.statuses.length ? t('inbox.emptyFiltered') : t('inbox.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('inbox.showing', {
              from: formatNumber(range.from),
              to: formatNumber(range.to),
              total: formatNumber(total),
            })}
          </Text>
          <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
            {narrow ? (
              <InboxCards orgId={orgId} items={list.data.items} />
            ) : (
              <InboxTable
                orgId={orgId}
                items={list.data.items}
                columns={inboxColumns(labels, membership.orgKind)}
                sort={state.sort}
                order={state.order}
                labelledBy="inbox-title"
                onSort={(sort) =>
                  update({
                    sort,
                    order:
                      sort === state.sort ? (state.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort),
                  })
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
