import { Box, Button, Menu } from '@mantine/core';
import {
  IconBell,
  IconBuilding,
  IconChevronDown,
  IconListDetails,
  IconLogout,
  IconMail,
  IconMailExclamation,
  IconUserCircle,
} from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { devMailQuery } from '../../modules/dev-mail/dev-mail.api.ts';
import { logOut, meQuery } from '../../modules/session/session.api.ts';
import { notify } from '../../ui/notify.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const orgId = useRouterState({
    select: (s) => (s.matches[s.matches.length - 1]?.params as { orgId?: string } | undefined)?.orgId,
  });
  const membership = me.memberships.find((m) => m.orgId === orgId);
  const operator = me.memberships.some((m) => m.orgKind === 'operator' && m.role === 'admin');
  // The development mailbox exists only when the server keeps mail instead of sending it.
  const devMail = useQuery({ ...devMailQuery, select: () => true });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const logout = async () => {
    try {
      await logOut();
    } finally {
      // Leave the pages that need the user first, then forget everything cached for them.
      await navigate({ to: '/login' });
      queryClient.clear();
      notify(t('app.loggedOut'));
    }
  };

  return (
    <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="dark.9"
          size="compact-sm"
          leftSection={<IconUserCircle size={20} aria-hidden />}
          rightSection={
            // On a phone the company switcher needs the room more than the chevron does.
            <Box component="span" visibleFrom="sm" display="flex">
              <IconChevronDown size={14} aria-hidden />
            </Box>
          }
          aria-label={`${t('app.userMenu')}: ${me.name}${membership ? `, ${t(`roles.${membership.role}`)}` : ''}`}
        >
          <Box component="span" visibleFrom="sm">
            {me.name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {me.memberships.length > 0 && (
          <Menu.Item component={Link} to="/companies" leftSection={<IconBuilding size={16} aria-hidden />}>
            {t('accountsNav.myCompanies')}
          </Menu.Item>
        )}
        {operator && (
          <>
            <Menu.Item
              component={Link}
              to="/operator/companies"
              leftSection={<IconBuilding size={16} aria-hidden />}
            >
              {t('accountsNav.operatorCompanies')}
            </Menu.Item>
            <Menu.Item
              component={Link}
              to="/operator/audit"
              leftSection={<IconListDetails size={16} aria-hidden />}
            >
              {t('accountsNav.operatorAudit')}
            </Menu.Item>
          </>
        )}
        <Menu.Item
          component={Link}
          to="/settings/account"
          leftSection={<IconUserCircle size={16} aria-hidden />}
        >
          {t('account.menu')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/settings/notifications"
          leftSection={<IconBell size={16} aria-hidden />}
        >
          {t('app.notifications')}
        </Menu.Item>
        {membership?.role === 'admin' && (
          <Menu.Item
            renderRoot={(props) => (
              <Link {...props} to="/orgs/$orgId/mail" params={{ orgId: membership.orgId }} />
            )}
            leftSection={<IconMailExclamation size={16} aria-hidden />}
          >
            {t('app.mailAdmin')}
          </Menu.Item>
        )}
        {devMail.data && (
          <Menu.Item component={Link} to="/dev/mail" leftSection={<IconMail size={16} aria-hidden />}>
            {t('app.devMail')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          {t('app.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
