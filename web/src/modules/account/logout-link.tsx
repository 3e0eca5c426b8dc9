import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { logOut } from '../session/session.api.ts';

/** Leaving a first-login or enrolment step: logs out and goes back to the login page. */
export function LogoutLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      type="button"
      onClick={async () => {
        try {
          await logOut();
        } finally {
          await navigate({ to: '/login' });
          queryClient.clear();
        }
      }}
    >
      {t('account.logout')}
    </Button>
  );
}
