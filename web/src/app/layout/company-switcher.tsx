import { Select } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canReadAgreements,
  canRegisterOrders,
  defaultMembership,
  isClientReader,
  meQuery,
  rememberOrg,
} from '../../modules/session/session.api.ts';
import type { InboxSearch } from '../router.tsx';

/**
 * Chooses the company the user acts in. The user stays where they are when that place exists in the
 * other company: the inbox stays the inbox (same view), an order page becomes the other's inbox.
 */
export function CompanySwitcher() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const navigate = useNavigate();
  const leaf = useRouterState({ select: (s) => s.matches[s.matches.length - 1] });
  const routeOrgId = (leaf?.params as { orgId?: string } | undefined)?.orgId;
  const [chosen, setChosen] = useState<string | null>(null);
  const member = (orgId: string | null | undefined) => me.memberships.some((m) => m.orgId === orgId);
  // An address with a company the user is not in shows the company they act in otherwise.
  const current = member(routeOrgId)
    ? routeOrgId!
    : member(chosen)
      ? chosen
      : (defaultMembership(me)?.orgId ?? null);

  const switchTo = async (orgId: string | null) => {
    const target = me.memberships.find((m) => m.orgId === orgId);
    if (!target || target.orgId === current) return;
    rememberOrg(target.orgId);
    setChosen(target.orgId);
    const params = { orgId: target.orgId };
    switch (leaf?.routeId) {
      case '/app/dev/mail':
        return;
      case '/app/orgs/$orgId/work-orders': {
        const {
          page: _page,
          status,
          client: _client,
          contractor: _contractor,
          ...kept
        } = leaf.search as InboxSearch;
        // Page 1 of the other list; a status filter of one side may mean nothing to the other side,
        // and a client or contractor named in the filter belongs to the company left.
        const same = me.memberships.find((m) => m.orgId === current)?.orgKind === target.orgKind;
        await navigate({ to: '/orgs/$orgId/work-orders', params, search: same ? { ...kept, status } : kept });
        return;
      }
      case '/app/orgs/$orgId/overview':
        await navigate({ to: '/orgs/$orgId/overview', params });
        return;
      case '/app/orgs/$orgId/work-orders/new':
        if (canRegisterOrders(target)) {
          await navigate({ to: '/orgs/$orgId/work-orders/new', params });
          return;
        }
        break;
      // The register's pages become the other company's register (a property or an object is not its).
      case '/app/orgs/$orgId/register':
      case '/app/orgs/$orgId/register/import':
      case '/app/orgs/$orgId/register/properties/$propertyId':
      case '/app/orgs/$orgId/register/objects/$objectId':
        if (isClientReader(target)) {
          await navigate({ to: '/orgs/$orgId/register', params });
          return;
        }
        break;
      case '/app/orgs/$orgId/agreements':
      case '/app/orgs/$orgId/agreements/$counterpartId':
        if (canReadAgreements(target)) {
          await navigate({ to: '/orgs/$orgId/agreements', params });
          return;
        }
        break;
      case '/app/orgs/$orgId/quality':
        if (isClientReader(target)) {
          await navigate({ to: '/orgs/$orgId/quality', params });
          return;
        }
        break;
      case '/app/orgs/$orgId/users':
      case '/app/orgs/$orgId/audit':
        if (target.role === 'admin') {
          await navigate({
            to: leaf.routeId === '/app/orgs/$orgId/users' ? '/orgs/$orgId/users' : '/orgs/$orgId/audit',
            params,
          });
          return;
        }
        break;
      case '/app/orgs/$orgId/contractors/invite':
        if (target.orgKind === 'client' && target.role === 'admin') {
          await navigate({ to: '/orgs/$orgId/contractors/invite', params });
          return;
        }
        break;
      // Pages that belong to no company stay as they are.
      case '/app/companies':
      case '/app/operator/companies':
      case '/app/operator/audit':
        return;
    }
    await navigate({ to: '/orgs/$orgId/work-orders', params });
  };

  return (
    <Select
      aria-label={t('app.company')}
      data={me.memberships.map((m) => ({ value: m.orgId, label: m.orgName }))}
      value={current}
      onChange={(value) => void switchTo(value)}
      allowDeselect={false}
      searchable={me.memberships.length > 8}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
