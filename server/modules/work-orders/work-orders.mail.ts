import { priorityLabels, typeLabels } from '../../../contract/labels.ts';
import { oneLine, renderMail } from '../../platform/mail/layout.ts';
import { type MailMessage, newMessageId } from '../../platform/mail/mail.ts';
import type { WorkOrderRow } from './work-orders.table.ts';

export function workOrderUrl(publicUrl: string, orgId: string, workOrderId: string): string {
  return `${publicUrl}/orgs/${orgId}/work-orders/${workOrderId}`;
}

const texts = {
  sv: {
    subject: (n: number, client: string, what: string) => `Ny arbetsorder ${n} från ${client}: ${what}`,
    heading: (n: number) => `Ny arbetsorder ${n}`,
    intro: (client: string) => `${client} har skickat en arbetsorder till er.`,
    number: 'AO-nr',
    type: 'Typ av uppdrag',
    priority: 'Prioritet',
    property: 'Fastighet',
    address: 'Gatuadress',
    description: 'Uppdragsbeskrivning',
    open: 'Öppna arbetsordern',
    footer: 'Det här mejlet skickades av Ordning. Svara inte på det; använd arbetsordern för frågor.',
  },
  en: {
    subject: (n: number, client: string, what: string) => `New work order ${n} from ${client}: ${what}`,
    heading: (n: number) => `New work order ${n}`,
    intro: (client: string) => `${client} has sent your company a work order.`,
    number: 'WO no.',
    type: 'Type',
    priority: 'Priority',
    property: 'Property',
    address: 'Street address',
    description: 'Description',
    open: 'Open the work order',
    footer: 'This mail was sent by Ordning. Do not reply to it; use the work order for questions.',
  },
};

/** The "new work order" mail to one member of the contractor, in their language. */
export function newWorkOrderMail(args: {
  order: WorkOrderRow;
  clientName: string;
  recipient: { email: string; locale: 'sv' | 'en' };
  publicUrl: string;
}): MailMessage {
  const { order, clientName, recipient, publicUrl } = args;
  const lang = recipient.locale;
  const t = texts[lang];
  const what = order.phrase || order.description;
  const address = [order.street, [order.postalCode, order.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const { html, text } = renderMail({
    lang,
    heading: t.heading(order.number),
    intro: t.intro(clientName),
    facts: [
      [t.number, String(order.number)],
      [t.type, typeLabels[lang][order.type]],
      [t.priority, priorityLabels[lang][order.priority]],
      [t.property, order.propertyName],
      [t.address, address],
    ],
    body: { label: t.description, text: order.description },
    action: { label: t.open, href: workOrderUrl(publicUrl, order.contractorOrgId!, order.id) },
    footer: t.footer,
  });
  return {
    to: [recipient.email],
    subject: oneLine(t.subject(order.number, clientName, oneLine(what, 80))),
    text,
    html,
    messageId: newMessageId(publicUrl),
  };
}

const cancelTexts = {
  sv: {
    subject: (n: number, client: string) => `Arbetsorder ${n} från ${client} är makulerad`,
    heading: (n: number) => `Arbetsorder ${n} är makulerad`,
    intro: (client: string) => `${client} har makulerat arbetsordern. Den ska inte utföras.`,
    reason: 'Anledning',
  },
  en: {
    subject: (n: number, client: string) => `Work order ${n} from ${client} is cancelled`,
    heading: (n: number) => `Work order ${n} is cancelled`,
    intro: (client: string) => `${client} has cancelled the work order. It is not to be carried out.`,
    reason: 'Reason',
  },
};

/** Tells the contractor that the client cancelled (makulerade) an order, in the recipient's language. */
export function cancelledWorkOrderMail(args: {
  order: WorkOrderRow;
  clientName: string;
  reason: string;
  recipient: { email: string; locale: 'sv' | 'en' };
  publicUrl: string;
}): MailMessage {
  const { order, clientName, reason, recipient, publicUrl } = args;
  const lang = recipient.locale;
  const t = { ...texts[lang], ...cancelTexts[lang] };
  const address = [order.street, [order.postalCode, order.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const { html, text } = renderMail({
    lang,
    heading: t.heading(order.number),
    intro: t.intro(clientName),
    facts: [
      [t.number, String(order.number)],
      [t.type, typeLabels[lang][order.type]],
      [t.property, order.propertyName],
      [t.address, address],
    ],
    body: { label: t.reason, text: reason },
    action: { label: t.open, href: workOrderUrl(publicUrl, order.contractorOrgId!, order.id) },
    footer: t.footer,
  });
  return {
    to: [recipient.email],
    subject: oneLine(t.subject(order.number, clientName)),
    text,
    html,
    messageId: newMessageId(publicUrl),
  };
}
