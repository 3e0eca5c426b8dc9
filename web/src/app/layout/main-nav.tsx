import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { defaultMembership, meQuery } from '../../modules/session/session.api.ts';
import classes from './app-layout.module.css';

/** The pages of the company the user acts in: the list (Mina jobb for a technician) and Översikt. */
export function MainNav() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const routeOrgId = useRouterState({
    select: (s) => (s.matches[s.matches.length - 1]?.params as { orgId?: string } | undefined)?.orgId,
  });
  const membership = me.memberships.find((m) => m.orgId === routeOrgId) ?? defaultMembership(me);
  if (!membership) return null;
  const params = { orgId: membership.orgId };
  const technician = membership.orgKind === 'contractor' && membership.role === 'technician';

  return (
    <nav aria-label={t('app.nav')} className={classes.nav}>
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
    </nav>
  );
}
