import { renderMail } from '../../platform/mail/layout.ts';
import { newMessageId } from '../../platform/mail/mail.ts';

/**
 * Blikk's welcome e-mail for an account an administrator created with a password. It never carries
 * the password: the administrator hands that over another way, and the first login asks for a new one.
 */
export function welcomeMail(args: {
  lang: 'sv' | 'en';
  to: string;
  name: string;
  username: string;
  companyName: string;
  adminName: string;
  publicUrl: string;
}) {
  const sv = args.lang === 'sv';
  const intro = sv
    ? `${args.adminName} har skapat ett konto åt dig i Ordning för ${args.companyName}. Logga in med ditt användarnamn och lösenordet du fått av din administratör. Första gången du loggar in får du kontrollera dina kontaktuppgifter och välja ett nytt lösenord.`
    : `${args.adminName} has created an account for you in Ordning for ${args.companyName}. Log in with your username and the password your administrator gave you. The first time you log in you check your contact details and choose a new password.`;
  const { html, text } = renderMail({
    lang: args.lang,
    heading: sv ? `Välkommen till Ordning, ${args.name}` : `Welcome to Ordning, ${args.name}`,
    intro,
    facts: [
      [sv ? 'Företag' : 'Company', args.companyName],
      [sv ? 'Användarnamn' : 'Username', args.username],
    ],
    action: { label: sv ? 'Logga in' : 'Log in', href: `${args.publicUrl}/login` },
    footer: sv
      ? 'Lösenordet skickas aldrig med e-post. Frågor om ditt konto besvaras av din administratör.'
      : 'Passwords are never sent by e-mail. Your administrator answers questions about your account.',
  });
  return {
    to: [args.to],
    subject: sv ? 'Välkommen till Ordning' : 'Welcome to Ordning',
    text,
    html,
    messageId: newMessageId(args.publicUrl),
  };
}
