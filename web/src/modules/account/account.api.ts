import { queryOptions } from '@tanstack/react-query';
import type {
  ActiveSessions,
  ChangePasswordBody,
  EmailChangeBody,
  FirstLoginBody,
  PasswordResetBody,
  PasswordResetInfo,
  Profile,
  RecoveryCodes,
  SmsConfirmBody,
  SmsEnrolmentBody,
  TotpEnrolment,
  UpdateProfileBody,
} from '../../../../contract/account.ts';
import type { Me } from '../../../../contract/session.ts';
import { getJson, postJson, request } from '../../app/api.ts';

export const profileQuery = queryOptions({
  queryKey: ['me', 'profile'],
  queryFn: ({ signal }) => getJson<Profile>('/api/me/profile', { signal }),
});

export const sessionsQuery = queryOptions({
  queryKey: ['me', 'sessions'],
  queryFn: ({ signal }) => getJson<ActiveSessions>('/api/me/sessions', { signal }),
});

export async function updateProfile(body: UpdateProfileBody): Promise<Profile> {
  return (await request<Profile>('/api/me/profile', { method: 'PATCH', body })).data;
}

export const completeFirstLogin = (body: FirstLoginBody) => postJson<void>('/api/me/first-login', body);
export const changePassword = (body: ChangePasswordBody) => postJson<void>('/api/me/password', body);
export const requestEmailChange = (body: EmailChangeBody) => postJson<void>('/api/me/email', body);
export const confirmEmailChange = (token: string) =>
  postJson<{ email: string }>(
    `/api/email-change/${encodeURIComponent(token)}`,
    {},
    { expectUnauthorized: true },
  );

export const startTotp = (password: string) =>
  postJson<TotpEnrolment>('/api/me/two-factor/totp', { password });
export const confirmTotp = (code: string) =>
  postJson<RecoveryCodes>('/api/me/two-factor/totp/confirm', { code });
export const startSms = (body: SmsEnrolmentBody) => postJson<void>('/api/me/two-factor/sms', body);
export const confirmSms = (body: SmsConfirmBody) =>
  postJson<RecoveryCodes>('/api/me/two-factor/sms/confirm', body);
export const regenerateRecoveryCodes = (password: string) =>
  postJson<RecoveryCodes>('/api/me/two-factor/recovery-codes', { password });
export const disableSecondFactor = (password: string) =>
  postJson<void>('/api/me/two-factor/disable', { password });

export const endOtherSessions = () => request<void>('/api/me/sessions/others', { method: 'DELETE' });
export const endSession = (id: string) => request<void>(`/api/me/sessions/${id}`, { method: 'DELETE' });

/** The second step of a login: the code from the app or SMS, or a recovery code. */
export const completeSecondFactor = (code: string) =>
  postJson<Me>('/api/session/second-factor', { code }, { expectUnauthorized: true });
export const resendLoginSms = () =>
  postJson<void>('/api/session/second-factor/sms', undefined, { expectUnauthorized: true });

export const requestPasswordReset = (email: string) =>
  postJson<void>('/api/password-reset', { email }, { expectUnauthorized: true });
export const passwordResetInfo = (token: string) =>
  getJson<PasswordResetInfo>(`/api/password-reset/${encodeURIComponent(token)}`, {
    expectUnauthorized: true,
  });
export const sendPasswordResetSms = (token: string) =>
  postJson<void>(`/api/password-reset/${encodeURIComponent(token)}/sms`, undefined, {
    expectUnauthorized: true,
  });
export const completePasswordReset = (token: string, body: PasswordResetBody) =>
  postJson<void>(`/api/password-reset/${encodeURIComponent(token)}`, body, { expectUnauthorized: true });
