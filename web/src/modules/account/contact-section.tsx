import { Alert, Button, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../contract/account.ts';
import { setLocale } from '../../app/i18n/i18n.ts';
import { notify } from '../../ui/notify.ts';
import { meQuery } from '../session/session.api.ts';
import { profileQuery, requestEmailChange, updateProfile } from './account.api.ts';
import { problemText, showFieldErrors } from './account-ui.tsx';

/** Namn, mobil, annat telefonnummer, språk; e-post changes through a confirmed link. */
export function ContactSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: profile.name,
      phone: profile.phone ?? '',
      otherPhone: profile.otherPhone ?? '',
      locale: profile.locale,
    },
    validate: { name: (v) => (v.trim() ? null : t('account.required')) },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      updateProfile({
        name: v.name.trim(),
        phone: v.phone.trim() || null,
        otherPhone: v.otherPhone.trim() || null,
        locale: v.locale,
      }),
    onSuccess: async (data) => {
      queryClient.setQueryData(profileQuery.queryKey, data);
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey, exact: true });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      if (data.locale !== profile.locale) await setLocale(data.locale);
      notify(t('account.saved'), 'success');
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="contact-heading">
      <Title order={2} size="h3" id="contact-heading">
        {t('account.contact')}
      </Title>
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          {save.isError && Object.keys(form.errors).length === 0 && (
            <Alert color="red" role="alert" variant="light">
              {problemText(save.error, t)}
            </Alert>
          )}
          <TextInput label={t('account.username')} value={profile.username} readOnly variant="filled" />
          <TextInput label={t('account.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            type="tel"
            label={t('account.mobile')}
            description={t('account.mobileHint')}
            autoComplete="tel"
            readOnly={profile.secondFactor === 'sms'}
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('account.otherPhone')}
            autoComplete="off"
            {...form.getInputProps('otherPhone')}
          />
          <Select
            label={t('account.language')}
            data={[
              { value: 'sv', label: t('account.languages.sv') },
              { value: 'en', label: t('account.languages.en') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('account.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <EmailChange profile={profile} />
    </Stack>
  );
}

function EmailChange({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('account.required')),
      password: (v) => (v ? null : t('account.required')),
    },
  });
  const send = useMutation({
    mutationFn: (v: typeof form.values) =>
      requestEmailChange({ email: v.email.trim(), password: v.password }),
    onSuccess: async () => {
      notify(t('account.emailRequested', { email: form.values.email.trim() }), 'success');
      setOpen(false);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: profileQuery.queryKey });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Stack gap="xs">
      <TextInput label={t('account.email')} value={profile.email} readOnly variant="filled" />
      {profile.pendingEmail && (
        <Text size="sm" c="orange.9" role="status">
          {t('account.emailPending', { email: profile.pendingEmail })}
        </Text>
      )}
      {open ? (
        <form noValidate onSubmit={form.onSubmit((v) => send.mutate(v))}>
          <Stack gap="sm">
            {send.isError && Object.keys(form.errors).length === 0 && (
              <Alert color="red" role="alert" variant="light">
                {problemText(send.error, t)}
              </Alert>
            )}
            <TextInput
              type="email"
              label={t('account.newEmail')}
              autoComplete="email"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('account.currentPassword')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Group gap="xs">
              <Button type="submit" loading={send.isPending}>
                {t('account.changeEmail')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('account.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group>
          <Button variant="default" onClick={() => setOpen(true)}>
            {t('account.changeEmail')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
