/**
 * The account pages as one lazily loaded chunk: they share most of their code, and one chunk keeps
 * the router's list of lazy imports (in the first download) short.
 */
export { AccountPage } from './account-page.tsx';
export { ConfirmEmailPage } from './confirm-email-page.tsx';
export { EnrolmentPage } from './enrolment-page.tsx';
export { FirstLoginPage } from './first-login-page.tsx';
export { ForgotPasswordPage } from './forgot-password-page.tsx';
export { ResetPasswordPage } from './reset-password-page.tsx';
