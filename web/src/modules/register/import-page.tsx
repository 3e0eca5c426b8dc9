import '../../app/i18n/page-texts.ts';
import { Alert, Anchor, Button, FileInput, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../../contract/properties.ts';
import { isApiError } from '../../app/api.ts';
import { isClientAdmin, isClientReader } from '../session/session.api.ts';
import { BackToProperty } from './back-link.tsx';
import { ColumnHelp } from './column-help.tsx';
import { type ImportProblem, importProblems } from './import-errors.ts';
import { ImportProblems } from './import-result.tsx';
import { exportUrl, type ImportResult, importRegister, registerKeys } from './register.api.ts';
import { csvColumns, isRegister, registerNames } from './register-columns.ts';
import { NotForYou } from './register-parts.tsx';

const route = getRouteApi('/app/orgs/$orgId/register/import');

type Outcome =
  | { kind: 'done'; result: ImportResult }
  | { kind: 'refused'; title: string; problems: ImportProblem[] }
  | { kind: 'failed'; message: string };

/**
 * Import och export (CSV): a register's file is read as a whole — every row checked first — and
 * either all of it is written or nothing is, with each bad row and column listed. Exports use the
 * same columns, so a file can be exported, edited in Excel and read back.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const register: Register = isRegister(search.register) ? search.register : 'properties';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useDocumentTitle(`${t('csv.title')} – Ordning`);

  const upload = useMutation({
    mutationFn: (args: { register: Register; file: File }) => importRegister({ orgId, ...args }),
    onSuccess: (result) => {
      setOutcome({ kind: 'done', result });
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: registerKeys.all(orgId) });
    },
    onError: (error, args) => {
      if (isApiError(error, 422) || (isApiError(error, 400) && error.fieldErrors.length)) {
        const order = csvColumns[args.register].map((c) => c.name);
        setOutcome({
          kind: 'refused',
          title: isApiError(error) ? error.title : '',
          problems: importProblems(isApiError(error) ? error.fieldErrors : [], order),
        });
        return;
      }
      setOutcome({ kind: 'failed', message: isApiError(error) ? error.title : t('common.unexpectedError') });
    },
  });

  if (!isClientReader(membership)) return <NotForYou />;
  const admin = isClientAdmin(membership);

  return (
    <Stack gap="md" maw={960}>
      <BackToProperty orgId={orgId}>{t('register.backToList')}</BackToProperty>
      <div>
        <Title order={1}>{t('csv.title')}</Title>
        <Text c="dimmed">{admin ? t('csv.intro') : t('csv.introReader')}</Text>
      </div>

      {admin && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-title">
          <Title order={2} size="h4" id="import-title" mb="sm">
            {t('csv.importTitle')}
          </Title>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setOutcome(null);
              if (!file) {
                setFileError(t('csv.chooseFile'));
                return;
              }
              upload.mutate({ register, file });
            }}
          >
            <Stack gap="md">
              <Radio.Group
                label={t('csv.register')}
                description={t('csv.order')}
                value={register}
                onChange={(next) => {
                  setOutcome(null);
                  void navigate({ search: { register: next }, replace: true });
                }}
              >
                <Group gap="md" mt={6}>
                  {registerNames.map((name) => (
                    <Radio key={name} value={name} label={t(`csv.registers.${name}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <div>
                <Title order={3} size="h5" id="columns-title" mb={4}>
                  {t('csv.columnsTitle', { register: t(`csv.registers.${register}`) })}
                </Title>
                <Text size="sm" mb="xs">
                  {t('csv.columnsIntro')}
                </Text>
                <ColumnHelp
                  register={register}
                  labelledBy="columns-title"
                  label={t('csv.columnsTitle', { register: t(`csv.registers.${register}`) })}
                />
              </div>
              <FileInput
                label={t('csv.file')}
                description={t('csv.fileHint')}
                placeholder={t('csv.filePlaceholder')}
                accept=".csv,text/csv"
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                value={file}
                error={fileError}
                onChange={(next) => {
                  setFile(next);
                  setFileError(null);
                  setOutcome(null);
                }}
                leftSection={<IconUpload size={16} aria-hidden />}
                maw={480}
              />
              <Group>
                <Button type="submit" loading={upload.isPending} mih={44}>
                  {t('csv.upload')}
                </Button>
              </Group>
              {outcome?.kind === 'done' && (
                <Alert color="teal" role="status" title={t('csv.doneTitle')}>
                  {t('csv.done', {
                    register: t(`csv.registers.${outcome.result.register}`),
                    created: outcome.result.created,
                    updated: outcome.result.updated,
                  })}
                </Alert>
              )}
              {outcome?.kind === 'refused' && (
                <ImportProblems title={outcome.title} problems={outcome.problems} />
              )}
              {outcome?.kind === 'failed' && (
                <Alert color="red" role="alert">
                  {outcome.message}
                </Alert>
              )}
            </Stack>
          </form>
        </Paper>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="export-title">
        <Title order={2} size="h4" id="export-title" mb="xs">
          {t('csv.exportTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('csv.exportIntro')}
        </Text>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {registerNames.map((name) => (
            <li key={name}>
              <Anchor
                href={exportUrl(orgId, name)}
                download
                style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 32 }}
              >
                <IconDownload size={16} aria-hidden />
                {t('csv.exportLink', { register: t(`csv.registers.${name}`) })}
              </Anchor>
            </li>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
