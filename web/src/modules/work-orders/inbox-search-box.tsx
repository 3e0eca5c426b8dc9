import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sök: searches as the user types, a moment after they stop, so each word does not reload the list
 * (JM step 11). Numbers, references and object numbers match by their start; words by their stem.
 */
export function InboxSearchBox({
  value,
  onSearch,
  label,
  placeholder,
}: {
  value: string;
  onSearch: (q: string) => void;
  /** Other lists (the register) reuse the box with their own words. */
  label?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState({ applied: value, text: value });
  const sent = useRef(value);
  // Another address (back button, a link) shows its own search text; the search this box sent
  // itself does not overwrite what was typed since.
  const text = typed.applied === value || value === sent.current ? typed.text : value;
  const send = (q: string) => {
    sent.current = q.trim();
    onSearch(q.trim());
  };
  const search = useDebouncedCallback(send, 350);

  return (
    <search>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          search.cancel();
          send(text);
        }}
      >
        <TextInput
          label={label ?? t('inbox.search')}
          type="search"
          value={text}
          placeholder={placeholder ?? t('inbox.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          maxLength={200}
          autoComplete="off"
          w={{ base: '100%', sm: 420 }}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setTyped({ applied: value, text: next });
            search(next);
          }}
        />
      </form>
    </search>
  );
}
