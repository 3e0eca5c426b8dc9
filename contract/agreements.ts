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
