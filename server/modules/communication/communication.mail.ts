/** The mails of talking on an order: a question, its answer, a message. In the recipient's language. */
import { oneLine, renderMail } from '../../platform/mail/layout.ts';
import { type MailMessage, newMessageId } from '../../platform/mail/mail.ts';
import { workOrderUrl } from '../work-orders/work-orders.mail.ts';

type Order = { id: string; number: number; propertyName: string; street: string };
type Lang = 'sv' | 'en';

const texts = {
  sv: {
    question: {
      subject: (n: number, org: string) => `Beställningsfråga om arbetsorder ${n} från ${org}`,
      heading: (n: number) => `Fråga om arbetsorder ${n}`,
      intro: (who: string, org: string) => `${who} på ${org} har en fråga om arbetsordern.`,
      label: 'Fråga',
      open: 'Svara på frågan',
    },
    answer: {
      subject: (n: number) => `Svar på din fråga om arbetsorder ${n}`,
      heading: (n: number) => `Svar om arbetsorder ${n}`,
      intro: (who: string, org: string) => `${who} på ${org} har svarat på din fråga.`,
      label: 'Svar',
      open: 'Öppna arbetsordern',
    },
    message: {
      subject: (n: number, org: string) => `Meddelande om arbetsorder ${n} från ${org}`,
      heading: (n: number) => `Meddelande om arbetsorder ${n}`,
      intro: (who: string, org: string) =>
        `${who} på ${org} har skrivit om arbetsordern. Du kan svara direkt på det här mejlet.`,
      label: 'Meddelande',
      open: 'Öppna arbetsordern',
    },
    number: 'AO-nr',
    files: (names: string) => `${names} (öppna arbetsordern för att se filerna)`,
    filesLabel: 'Bifogat',
    property: 'Fastighet',
    address: 'Gatuadress',
    footer: 'Skickat av Ordning.',
    replyFooter: 'Skickat av Ordning. Svar på det här mejlet hamnar på arbetsordern.',
  },
  en: {
    question: {
      subject: (n: number, org: string) => `Question about work order ${n} from ${org}`,
      heading: (n: number) => `Question about work order ${n}`,
      intro: (who: string, org: string) => `${who} at ${org} has a question about the work order.`,
      label: 'Question',
      open: 'Answer the question',
    },
    answer: {
      subject: (n: number) => `Answer to your question about work order ${n}`,
      heading: (n: number) => `Answer about work order ${n}`,
      intro: (who: string, org: string) => `${who} at ${org} has answered your question.`,
      label: 'Answer',
      open: 'Open the work order',
    },
    message: {
      subject: (n: number, org: string) => `Message about work order ${n} from ${org}`,
      heading: (n: number) => `Message about work order ${n}`,
      intro: (who: string, org: string) =>
        `${who} at ${org} has written about the work order. You can reply to this mail.`,
      label: 'Message',
      open: 'Open the work order',
    },
    number: 'WO no.',
    files: (names: string) => `${names} (open the work order to see the files)`,
    filesLabel: 'Attached',
    property: 'Property',
    address: 'Street address',
    footer: 'Sent by Ordning.',
    replyFooter: 'Sent by Ordning. Replies to this mail go onto the work order.',
  },
};

export function orderTalkMail(args: {
  kind: 'question' | 'answer' | 'message';
  order: Order;
  /** The company whose view of the order the link opens (the recipient's). */
  recipientOrgId: string;
  recipient: { email: string; locale: Lang };
  author: { name: string; orgName: string };
  body: string;
  publicUrl: string;
  /** For messages: where replies go, and the thread they belong to. */
  replyTo?: string;
  thread?: { inReplyTo?: string | undefined; references?: string[] };
  /** The names of the files on a message. */
  files?: string[];
}): MailMessage {
  const { kind, order, recipient, author, body, publicUrl } = args;
  const lang = recipient.locale;
  const t = texts[lang];
  const k = t[kind];
  const { html, text } = renderMail({
    lang,
    heading: k.heading(order.number),
    intro: k.intro(author.name, author.orgName),
    facts: [
      [t.number, String(order.number)],
      [t.property, order.propertyName],
      [t.address, order.street],
      [t.filesLabel, args.files?.length ? t.files(args.files.join(', ')) : null],
    ],
    body: { label: k.label, text: body },
    action: { label: k.open, href: workOrderUrl(publicUrl, args.recipientOrgId, order.id) },
    footer: args.replyTo ? t.replyFooter : t.footer,
  });
  return {
    to: [recipient.email],
    subject: oneLine(
      kind === 'answer' ? t.answer.subject(order.number) : k.subject(order.number, author.orgName),
    ),
    text,
    html,
    messageId: newMessageId(publicUrl),
    ...(args.replyTo ? { replyTo: args.replyTo } : {}),
    ...(args.thread?.inReplyTo ? { inReplyTo: args.thread.inReplyTo } : {}),
    ...(args.thread?.references?.length ? { references: args.thread.references } : {}),
  };
}
