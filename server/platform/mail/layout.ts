/** A plain, readable mail body in HTML and text from the same parts. User text is escaped here. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Subjects are one line: line breaks in user text must never become header breaks. */
export function oneLine(value: string, max = 200): string {
  const flat = value
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
  action: { label: string; href: string };
  footer: string;
};

export function renderMail(parts: MailParts): { html: string; text: string } {
  const facts = parts.facts.filter((f): f is [string, string] => Boolean(f[1]));
  const text = [
    parts.heading,
    '',
    ...(parts.intro ? [parts.intro, ''] : []),
    ...facts.map(([k, v]) => `${k}: ${v}`),
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
  const html = `<!doctype html>
<html lang="${parts.lang}"><head><meta charset="utf-8"><title>${escapeHtml(parts.heading)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;line-height:1.5;margin:0;padding:24px">
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(parts.heading)}</h1>
${parts.intro ? `<p>${escapeHtml(parts.intro)}</p>` : ''}
<table role="presentation" style="border-collapse:collapse;margin:12px 0">${rows}</table>
${parts.body ? `<h2 style="font-size:16px;margin:16px 0 4px">${escapeHtml(parts.body.label)}</h2><p style="white-space:pre-wrap;margin:0">${escapeHtml(parts.body.text)}</p>` : ''}
<p style="margin:24px 0"><a href="${escapeHtml(parts.action.href)}" style="background:#1864ab;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(parts.action.label)}</a></p>
<p style="color:#555;font-size:13px">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { html, text };
}
