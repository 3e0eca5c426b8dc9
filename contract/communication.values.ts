/**
 * The value lists of the order's communication, without Zod, so that the web can import them without
 * pulling the schema library into the order page. communication.ts re-exports all of it.
 */
/** The kinds of note (Familjebostäder's "Händelse" when you press Notera). */
export const noteEvents = [
  'information',
  'tenant_contacted',
  'time_booked',
  'material',
  'visit',
  'obstacle',
] as const;
export type NoteEvent = (typeof noteEvents)[number];

export const visibilities = ['internal', 'shared', 'tenant'] as const;
export type Visibility = (typeof visibilities)[number];
