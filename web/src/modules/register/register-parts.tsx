import { Anchor, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE } from './register.api.ts';

/** Pages of a register list; nothing when one page holds all. */
export function Pager(props: {
  page: number;
  total: number;
  label: string;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  if (pages < 2) return null;
  return (
    <nav aria-label={props.label}>
      <Pagination
        total={pages}
        value={Math.min(props.page, pages)}
        onChange={props.onChange}
        siblings={1}
        getControlProps={(control) => ({ 'aria-label': t(`inbox.${control}Page`) })}
      />
    </nav>
  );
}

/** The register is the client's: a contractor (or a support user) is told so. */
export function NotForYou() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('register.title')}</Title>
      <Text>{t('register.notAllowed')}</Text>
      <Anchor href="/">{t('errors.home')}</Anchor>
    </Stack>
  );
}
