/** A plain, readable mail body in HTML and text from the same parts. User text is escaped here. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Whether YYMMDD (or, for a coordination number, day + 60) is a date and the ten digits pass the Luhn check. */
function isPersonalNumber(yymmdd: string, last4: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return false;
  if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return false;
  const digits = `${yymmdd}${last4}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Swedish personal identity (and coordination) numbers typed into a text never leave in a mail: the
 * last four digits become ****. Only the forms people write them in are taken — twelve digits from
 * 19xx/20xx, or six + four with the - or + between — and only when the date and check digit hold, so
 * phone numbers and order references stay as they are.
 */
export function maskPersonalNumbers(value: string): string {
  return value
    .replace(/(?<![\d-])((?:19|20)\d{2})(\d{4})(-?)(\d{4})(?![\d-])/g, (whole, yyyy, mmdd, dash, last4) =>
      isPersonalNumber(`${yyyy.slice(2)}${mmdd}`, last4) ? `${yyyy}${mmdd}${dash}****` : whole,
    )
    .replace(/(?<![\d-])(\d{6})([-+])(\d{4})(?![\d-])/g, (whole, yymmdd, sign, last4) =>
      isPersonalNumber(yymmdd, last4) ? `${yymmdd}${sign}****` : whole,
    );
}

/** Subjects are one line: line breaks in user text must never become header breaks. */
export function oneLine(value: string, max = 200): string {
  const flat = maskPersonalNumbers(value)
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export type MailParts = {
  lang: 'sv' | 'en';
  heading: string;
  intro?: string;
  facts: [label: string, value: string | null | undefined][];
  body?: { label: string; text: string };
  /** A list of lines, each with its own link (the daily digest). */
  items?: { text: string; href: string }[];
  action: { label: string; href: string };
  footer: string;
};

export function renderMail(input: MailParts): { html: string; text: string } {
  const parts = masked(input);
  const facts = parts.facts.filter((f): f is [string, string] => Boolean(f[1]));
  const items = parts.items ?? [];
  const text = [
    parts.heading,
    '',
    ...(parts.intro ? [parts.intro, ''] : []),
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...items.flatMap((item) => [`- ${item.text}`, `  ${item.href}`]),
    ...(parts.body ? ['', `${parts.body.label}:`, parts.body.text] : []),
    '',
    `${parts.action.label}: ${parts.action.href}`,
    '',
    '-- ',
    parts.footer,
    '',
  ].join('\n');

  const rows = facts
    .map(
      ([k, v]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#444;font-weight:600;vertical-align:top">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`,
    )
    .join('');
  const list = items.length
    ? `<ul style="padding-left:20px;margin:12px 0">${items
        .map(
          (item) =>
            `<li style="margin:0 0 8px"><a href="${escapeHtml(item.href)}" style="color:#1864ab">${escapeHtml(item.text)}</a></li>`,
        )
        .join('')}</ul>`
    : '';
  const html = `<!doctype html>
<html lang="${parts.lang}"><head><meta charset="utf-8"><title>${escapeHtml(parts.heading)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;line-height:1.5;margin:0;padding:24px">
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(parts.heading)}</h1>
${parts.intro ? `<p>${escapeHtml(parts.intro)}</p>` : ''}
${rows ? `<table role="presentation" style="border-collapse:collapse;margin:12px 0">${rows}</table>` : ''}
${list}
${parts.body ? `<h2 style="font-size:16px;margin:16px 0 4px">${escapeHtml(parts.body.label)}</h2><p style="white-space:pre-wrap;margin:0">${escapeHtml(parts.body.text)}</p>` : ''}
<p style="margin:24px 0"><a href="${escapeHtml(parts.action.href)}" style="background:#1864ab;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(parts.action.label)}</a></p>
<p style="color:#555;font-size:13px">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { html, text };
}

/** Every text of a mail with personal identity numbers masked (links are ours and carry none). */
function masked(parts: MailParts): MailParts {
  const m = maskPersonalNumbers;
  return {
    ...parts,
    heading: m(parts.heading),
    ...(parts.intro ? { intro: m(parts.intro) } : {}),
    facts: parts.facts.map(([k, v]) => [k, v ? m(v) : v]),
    ...(parts.body ? { body: { label: parts.body.label, text: m(parts.body.text) } } : {}),
    ...(parts.items ? { items: parts.items.map((i) => ({ text: m(i.text), href: i.href })) } : {}),
  };
}
