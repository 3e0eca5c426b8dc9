import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '../../ui/copy-value.tsx';

/** An order's invoice reference in the lists, with its copy button; copying does not open the order. */
export function ReferenceCopy({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Text span inherit onClick={(event) => event.stopPropagation()}>
      <CopyValue value={value} label={t('inbox.columns.invoiceReference')} inList />
    </Text>
  );
}
