import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { badLineCount, type ImportProblem } from './import-errors.ts';

/** A refused file: nothing was written; every bad row and column, so all can be fixed in one go. */
export function ImportProblems({ title, problems }: { title: string; problems: ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('csv.refused')}>
      <Text size="sm" mb="sm">
        {title} {t('csv.badLines', { count: badLineCount(problems) })}
      </Text>
      <ScrollTable minWidth={420} label={t('csv.problemsCaption', { count: problems.length })}>
        <Table fz="sm" withTableBorder bg="white">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {t('csv.problemsCaption', { count: problems.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('csv.line')}</Table.Th>
              <Table.Th scope="col">{t('csv.column')}</Table.Th>
              <Table.Th scope="col">{t('csv.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p) => (
              <Table.Tr key={`${p.line}-${p.column}-${p.message}`}>
                <Table.Td>
                  {p.line === null ? t('csv.wholeFile') : p.line === 1 ? t('csv.headerLine') : p.line}
                </Table.Td>
                <Table.Td>{p.column ?? t('common.empty')}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Alert>
  );
}
