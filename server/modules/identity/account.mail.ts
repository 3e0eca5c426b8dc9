import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { oneLine, renderMail } from '../../platform/mail/layout.ts';
import { enqueueMail, newMessageId } from '../../platform/mail/mail.ts';

type Lang = 'sv' | 'en';

const footer: Record<Lang, string> = {
  sv: 'Skickat av Ordning. Har du inte bett om detta kan du bortse från meddelandet; kontakta din administratör om det upprepas.',
  en: 'Sent by Ordning. If you did not ask for this you can ignore it; contact your administrator if it happens again.',
};

type Texts = { subject: string; heading: string; intro: string; action: string };

const texts = {
  password_reset: {
    sv: {
      subject: 'Återställ ditt lösenord',
      heading: 'Återställ ditt lösenord',
      intro:
        'Någon (förhoppningsvis du) bad om ett nytt lösenord till Ordning. Länken gäller i 30 minuter och kan användas en gång.',
      action: 'Välj nytt lösenord',
    },
    en: {
      subject: 'Reset your password',
      heading: 'Reset your password',
      intro: 'Someone (hopefully you) asked for a new Ordning password. The link works for 30 minutes, once.',
      action: 'Choose a new password',
    },
  },
  email_change: {
    sv: {
      subject: 'Bekräfta din nya e-postadress',
      heading: 'Bekräfta din nya e-postadress',
      intro: 'Följ länken för att börja använda den här adressen i Ordning. Länken gäller i 24 timmar.',
      action: 'Bekräfta e-postadressen',
    },
    en: {
      subject: 'Confirm your new e-mail address',
      heading: 'Confirm your new e-mail address',
      intro: 'Follow the link to start using this address in Ordning. The link works for 24 hours.',
      action: 'Confirm the address',
    },
  },
  email_change_notice: {
    sv: {
      subject: 'Din e-postadress håller på att ändras',
      heading: 'Din e-postadress håller på att ändras',
      intro:
        'Någon bad om att byta e-postadressen för ditt konto i Ordning. Bytet sker först när den nya adressen har bekräftats. Var det inte du, byt lösenord och kontakta din administratör.',
      action: 'Logga in',
    },
    en: {
      subject: 'Your e-mail address is about to change',
      heading: 'Your e-mail address is about to change',
      intro:
        'Someone asked to change the e-mail address of your Ordning account. It changes only once the new address is confirmed. If this was not you, change your password and contact your administrator.',
      action: 'Log in',
    },
  },
  second_factor_failures: {
    sv: {
      subject: 'Många felaktiga inloggningskoder',
      heading: 'Många felaktiga inloggningskoder',
      intro:
        'Någon har angett fel kod för tvåstegsverifieringen till ditt konto tio gånger den senaste timmen. Fler försök stoppas en stund. Var det inte du, byt lösenord.',
      action: 'Logga in',
    },
    en: {
      subject: 'Many wrong login codes',
      heading: 'Many wrong login codes',
      intro:
        'Someone entered a wrong two-step verification code for your account ten times in the last hour. Further tries are stopped for a while. If this was not you, change your password.',
      action: 'Log in',
    },
  },
} satisfies Record<string, Record<Lang, Texts>>;

export type AccountMailKind = keyof typeof texts;

/** Puts one account mail in the outbox, in the caller's transaction, in the user's language. */
export async function enqueueAccountMail(
  tx: Executor,
  deps: { clock: Clock; publicUrl: string },
  args: { kind: AccountMailKind; to: string; lang: Lang; href: string },
) {
  const t = texts[args.kind][args.lang];
  const { html, text } = renderMail({
    lang: args.lang,
    heading: t.heading,
    intro: t.intro,
    facts: [],
    action: { label: t.action, href: args.href },
    footer: footer[args.lang],
  });
  await enqueueMail(tx, deps.clock, {
    message: {
      to: [args.to],
      subject: oneLine(t.subject),
      text,
      html,
      messageId: newMessageId(deps.publicUrl),
    },
  });
}
