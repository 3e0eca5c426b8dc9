/** The defaults of domain.md for what a client can set in its agreements. */
export const defaultFaultTypes = [
  'Slitage',
  'Skadegörelse',
  'Montagefel',
  'Materialfel',
  'Handhavandefel',
  'Ej fel',
  'Garantifel',
] as const;

export const defaultRootCauses = [
  'Ålder/slitage',
  'Brukarfel',
  'Utförandefel',
  'Materialfel',
  'Konstruktionsfel',
  'Yttre påverkan',
  'Okänd',
] as const;

export const defaultPhrases = [
  'Entreprenör är beställd',
  'Hyresgäst är kontaktad',
  'Material är beställt',
  'Tid är bokad med kund',
  'Felet stämmer inte med vad som står på AO',
  'Väntar på reservdelar/material',
  'Extralås ej öppet, kunde inte gå in',
  'Sökt kund men telefonnummer stämmer ej',
  'Har lämnat meddelande men inget svar',
  'Husdjur lös i lägenheten, går inte in',
] as const;

export type DayRule = { days: number; unit: 'working' | 'calendar' };
export type SlaRule = { contactBy: DayRule | null; deliverBy: DayRule | null };
export type SlaRules = Record<'urgent' | 'high' | 'normal' | 'low', SlaRule>;

/**
 * A starting point a client then sets per contractor. Normal matches the JM guide's example
 * (contact within 3 working days, delivery within 21).
 */
export const defaultSlaRules: SlaRules = {
  urgent: { contactBy: { days: 0, unit: 'calendar' }, deliverBy: { days: 1, unit: 'calendar' } },
  high: { contactBy: { days: 1, unit: 'working' }, deliverBy: { days: 5, unit: 'working' } },
  normal: { contactBy: { days: 3, unit: 'working' }, deliverBy: { days: 21, unit: 'working' } },
  low: { contactBy: { days: 5, unit: 'working' }, deliverBy: { days: 40, unit: 'working' } },
};
