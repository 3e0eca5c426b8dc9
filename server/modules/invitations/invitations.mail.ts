import type { Role } from '../../../contract/organizations.ts';
import { renderMail } from '../../platform/mail/layout.ts';
import { newMessageId } from '../../platform/mail/mail.ts';

type Lang = 'sv' | 'en';

const roleNames: Record<Lang, Record<Role, string>> = {
  sv: {
    admin: 'Administratör',
    coordinator: 'Koordinator',
    viewer: 'Läsare',
    manager: 'Arbetsledare',
    technician: 'Tekniker',
    support: 'Support',
    member: 'Medlem',
  },
  en: {
    admin: 'Administrator',
    coordinator: 'Coordinator',
    viewer: 'Viewer',
    manager: 'Manager',
    technician: 'Technician',
    support: 'Support',
    member: 'Member',
  },
};

/** The invitation (JM step 1): one mail per person, naming every company and role, with the redeem link. */
export function invitationMail(args: {
  lang: Lang;
  to: string;
  inviterName: string | null;
  companies: { name: string; role: Role }[];
  link: string;
  expiresOn: string;
  publicUrl: string;
}) {
  const sv = args.lang === 'sv';
  const names = args.companies.map((c) => c.name).join(', ');
  const { html, text } = renderMail({
    lang: args.lang,
    heading: sv ? 'Du är inbjuden till Ordning' : 'You are invited to Ordning',
    intro: sv
      ? `${args.inviterName ?? 'En administratör'} har bjudit in dig att arbeta i Ordning för ${names}. Öppna länken och välj Registrera, eller Jag har ett befintligt konto om du redan har ett.`
      : `${args.inviterName ?? 'An administrator'} has invited you to work in Ordning for ${names}. Open the link and choose Register, or I already have an account if you have one.`,
    facts: [
      ...args.companies.map((c): [string, string] => [c.name, roleNames[args.lang][c.role]]),
      [sv ? 'Länken gäller till' : 'The link is valid until', args.expiresOn],
    ],
    action: { label: sv ? 'Lös in inbjudan' : 'Redeem the invitation', href: args.link },
    footer: sv
      ? 'Länken kan bara användas en gång. Om du inte väntade dig inbjudan kan du bortse från mejlet.'
      : 'The link works once. If you did not expect this invitation you can ignore this e-mail.',
  });
  return {
    to: [args.to],
    subject: sv
      ? `Inbjudan till Ordning: ${names}`.slice(0, 200)
      : `Invitation to Ordning: ${names}`.slice(0, 200),
    text,
    html,
    messageId: newMessageId(args.publicUrl),
  };
}

/** A new address given at registration must be confirmed before the memberships are granted. */
export function confirmAddressMail(args: { lang: Lang; to: string; link: string; publicUrl: string }) {
  const sv = args.lang === 'sv';
  const { html, text } = renderMail({
    lang: args.lang,
    heading: sv ? 'Bekräfta din e-postadress' : 'Confirm your e-mail address',
    intro: sv
      ? 'Du registrerade dig i Ordning med den här adressen. Bekräfta den för att få tillgång till företagen i inbjudan.'
      : 'You registered in Ordning with this address. Confirm it to get access to the companies of the invitation.',
    facts: [],
    action: { label: sv ? 'Bekräfta adressen' : 'Confirm the address', href: args.link },
    footer: sv
      ? 'Om det inte var du kan du bortse från mejlet.'
      : 'If this was not you, you can ignore this e-mail.',
  });
  return {
    to: [args.to],
    subject: sv ? 'Bekräfta din e-postadress i Ordning' : 'Confirm your e-mail address in Ordning',
    text,
    html,
    messageId: newMessageId(args.publicUrl),
  };
}

/**
 * Someone used an invitation to register with an address that already has an account. The page says
 * only "check your mail" (security.md 9); the owner of the address learns how to connect instead.
 */
export function existingAccountMail(args: { lang: Lang; to: string; link: string; publicUrl: string }) {
  const sv = args.lang === 'sv';
  const { html, text } = renderMail({
    lang: args.lang,
    heading: sv ? 'Du har redan ett konto' : 'You already have an account',
    intro: sv
      ? 'Någon försökte registrera ett nytt konto med den här adressen från en inbjudan. Adressen har redan ett konto: öppna inbjudan och välj Jag har ett befintligt konto.'
      : 'Someone tried to register a new account with this address from an invitation. The address already has an account: open the invitation and choose I already have an account.',
    facts: [],
    action: { label: sv ? 'Öppna inbjudan' : 'Open the invitation', href: args.link },
    footer: sv
      ? 'Om det inte var du kan du bortse från mejlet.'
      : 'If this was not you, you can ignore this e-mail.',
  });
  return {
    to: [args.to],
    subject: sv ? 'Du har redan ett konto i Ordning' : 'You already have an account in Ordning',
    text,
    html,
    messageId: newMessageId(args.publicUrl),
  };
}
