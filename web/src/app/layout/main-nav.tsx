import { Menu, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  canReadAgreements,
  canReadOrders,
  defaultMembership,
  isClientAdmin,
  isClientReader,
  meQuery,
} from '../../modules/session/session.api.ts';
import classes from './app-layout.module.css';

type Page =
  | '/orgs/$orgId/register'
  | '/orgs/$orgId/agreements'
  | '/orgs/$orgId/quality'
  | '/orgs/$orgId/users'
  | '/orgs/$orgId/audit'
  | '/orgs/$orgId/contractors/invite';

/**
 * The pages of the company the user acts in: the list (Mina jobb for a technician) and Översikt, then
 * for a client Fastighetsregister, Avtal and Kvalitet (a contractor's managers: Avtal). Those follow
 * in the row on a wide screen and under Mer on a narrower one, so the header keeps its height.
 */
export function MainNav() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const leaf = useRouterState({ select: (s) => s.matches[s.matches.length - 1] });
  const routeOrgId = (leaf?.params as { orgId?: string } | undefined)?.orgId;
  const membership = me.memberships.find((m) => m.orgId === routeOrgId) ?? defaultMembership(me);
  if (!membership) return null;
  const params = { orgId: membership.orgId };
  const technician = membership.orgKind === 'contractor' && membership.role === 'technician';
  // Support users reach support pages only; partners and the operator have no work orders.
  const readsOrders = canReadOrders(membership);
  const more: { to: Page; label: string }[] = [
    ...(isClientReader(membership)
      ? [{ to: '/orgs/$orgId/register' as const, label: t('app.navRegister') }]
      : []),
    ...(canReadAgreements(membership)
      ? [{ to: '/orgs/$orgId/agreements' as const, label: t('app.navAgreements') }]
      : []),
    ...(isClientReader(membership)
      ? [{ to: '/orgs/$orgId/quality' as const, label: t('app.navQuality') }]
      : []),
    // A company's administrators: its people, its log, and for a client bringing in contractors.
    ...(membership.role === 'admin'
      ? [
          { to: '/orgs/$orgId/users' as const, label: t('accountsNav.users') },
          { to: '/orgs/$orgId/audit' as const, label: t('accountsNav.audit') },
        ]
      : []),
    ...(isClientAdmin(membership)
      ? [{ to: '/orgs/$orgId/contractors/invite' as const, label: t('accountsNav.inviteContractor') }]
      : []),
  ];
  // A page under Mer marks the button too, so the header always shows where the user is.
  const inMore = more.some((page) => leaf?.routeId.startsWith(`/app${page.to}`));

  return (
    <nav aria-label={t('app.nav')} className={classes.nav}>
      {readsOrders && (
        <>
          <Link
            to="/orgs/$orgId/work-orders"
            params={params}
            className={classes.navLink}
            activeOptions={{ includeSearch: false }}
          >
            {technician ? t('app.navMyJobs') : t('app.navInbox')}
          </Link>
          <Link to="/orgs/$orgId/overview" params={params} className={classes.navLink}>
            {t('app.navOverview')}
          </Link>
        </>
      )}
      {more.map((page) => (
        <Link key={page.to} to={page.to} params={params} className={`${classes.navLink} ${classes.wide}`}>
          {page.label}
        </Link>
      ))}
      {more.length > 0 && (
        <Menu position="bottom-start" withinPortal={false} withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <UnstyledButton
              className={`${classes.navLink} ${classes.narrow}`}
              data-active={inMore || undefined}
            >
              {t('app.navMore')}
              <IconChevronDown size={14} aria-hidden />
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {more.map((page) => (
              <Menu.Item
                key={page.to}
                renderRoot={(props) => <Link {...props} to={page.to} params={params} />}
              >
                {page.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </nav>
  );
}
