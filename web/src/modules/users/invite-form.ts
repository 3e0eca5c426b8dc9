/** The addresses typed in Bjud in användare: one per line (commas, semicolons and spaces also split). */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(parts)];
  const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  return { emails: unique.filter((e) => valid.test(e)), invalid: unique.filter((e) => !valid.test(e)) };
}
